#!/usr/bin/env python3
"""Prints the quotes of an article with their speakers, calling libtrawl.so
through ctypes (Python's standard library only).
Run: python3 quotes.py ARTICLE.txt [path/to/libtrawl.so]"""
import ctypes
import sys


class Field(ctypes.Structure):
    """struct trawl_field from trawl.h (the library owns it)."""
    _fields_ = [("name", ctypes.c_char_p), ("type", ctypes.c_int), ("text", ctypes.c_char_p),
                ("len", ctypes.c_size_t), ("integer", ctypes.c_longlong), ("number", ctypes.c_double),
                ("count", ctypes.c_size_t)]


def load(path):
    lib = ctypes.CDLL(path)
    sigs = {
        "trawl_engine_new": (ctypes.c_void_p, [ctypes.c_void_p, ctypes.c_void_p]),
        "trawl_engine_free": (None, [ctypes.c_void_p]),
        "trawl_errmsg": (ctypes.c_char_p, [ctypes.c_void_p]),
        "trawl_analyse": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t,
                                         ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]),
        "trawl_doc_count": (ctypes.c_size_t, [ctypes.c_void_p, ctypes.c_char_p]),
        "trawl_doc_span": (ctypes.c_int, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
                                          ctypes.POINTER(ctypes.c_size_t), ctypes.POINTER(ctypes.c_size_t)]),
        "trawl_doc_get": (ctypes.POINTER(Field), [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p]),
        "trawl_doc_json": (ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]),
        "trawl_doc_free": (None, [ctypes.c_void_p]),
    }
    for name, (res, args) in sigs.items():
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = res, args
    return lib


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: quotes.py ARTICLE [libtrawl.so]")
    lib = load(sys.argv[2] if len(sys.argv) > 2 else "libtrawl.so")
    with open(sys.argv[1], "rb") as f:
        text = f.read()
    eng = lib.trawl_engine_new(None, None)
    doc = ctypes.c_void_p()
    rc = lib.trawl_analyse(eng, sys.argv[1].encode(), text, len(text), None, ctypes.byref(doc))
    status = 0
    if rc != 0:
        sys.stderr.write("quotes: %s\n" % lib.trawl_errmsg(eng).decode())
        if doc:
            print(lib.trawl_doc_json(doc, 0, None).decode())
        status = 1
    else:
        start, end = ctypes.c_size_t(), ctypes.c_size_t()
        for i in range(lib.trawl_doc_count(doc, b"quotes")):
            lib.trawl_doc_span(doc, b"quotes", i, ctypes.byref(start), ctypes.byref(end))
            who = lib.trawl_doc_get(doc, b"quotes", i, b"speaker.name")
            name = who.contents.text if who else b"(unattributed)"
            quote = lib.trawl_doc_get(doc, b"quotes", i, b"text").contents.text
            sys.stdout.buffer.write(b'%d-%d %s: "%s"\n' % (start.value, end.value, name, quote))
    lib.trawl_doc_free(doc)
    lib.trawl_engine_free(eng)
    sys.exit(status)


if __name__ == "__main__":
    main()
