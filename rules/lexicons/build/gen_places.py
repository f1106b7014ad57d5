#!/usr/bin/env python3
"""Generate ../places.yaml and ../demonyms.yaml.

Sources, in order of precedence (an earlier source keeps a name; a later one
with the same canonical name only adds aliases and missing attributes, except
cities, which are then skipped):
  countries.tsv       curated news names and demonyms for every ISO 3166-1 code
  /usr/share/iso-codes/json/iso_3166-1.json   official names (Debian iso-codes)
  regions.tsv         curated continents and regions
  places_extra.tsv    curated capitals and news cities with variant spellings
  /usr/share/iso-codes/json/iso_3166-2.json   subdivisions, + subdivisions.tsv
  libgeonames0        GeoNames cities (Debian libgeonames0; data CC-BY-4.0)
  /usr/share/dict/words (wamerican) to drop names that are common English words
  ../names.yaml and place_surnames.txt to flag places that are person names
"""

import ctypes
import json
import os
import sys
import unicodedata

from lexyaml import read_tsv, split_list, parse_attrs, write_lexicon

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
ISO = "/usr/share/iso-codes/json/"
WORDS = "/usr/share/dict/words"
WORLD_MIN_POP = 150000      # every GeoNames city at least this big
MULTIWORD_MIN_POP = 50000   # and one of several words this big ("Santa Monica",
                            # "Palo Alto"): rarely a surname, unlike one word
US_TOP = 150                # plus the largest US cities
BIG_CITY = 1000000          # keep a city even if its name is an English word


def fold(s):
    """ASCII form of a name (São Paulo -> Sao Paulo), or None if unchanged
    or when a letter has no ASCII base (ð, ø, ł: the form would be no word)."""
    a = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return a if a != s and a.strip() and len(a) == len(s) else None


def english_words():
    words = set()
    with open(WORDS, encoding="utf-8", errors="replace") as f:
        for w in f:
            w = w.strip()
            if w and w == w.lower() and "'" not in w:
                words.add(w)
    return words


def geonames_cities():
    """(population, name, country code) for every city in libgeonames."""
    lib = ctypes.CDLL("libgeonames.so.0")
    lib.geonames_get_n_cities.restype = ctypes.c_uint
    lib.geonames_get_city.restype = ctypes.c_void_p
    lib.geonames_get_city.argtypes = [ctypes.c_uint]
    for f in ("name", "country_code"):
        fn = getattr(lib, "geonames_city_get_" + f)
        fn.restype, fn.argtypes = ctypes.c_char_p, [ctypes.c_void_p]
    lib.geonames_city_get_population.restype = ctypes.c_uint
    lib.geonames_city_get_population.argtypes = [ctypes.c_void_p]
    lib.geonames_city_free.argtypes = [ctypes.c_void_p]
    rows = []
    for i in range(lib.geonames_get_n_cities()):
        c = lib.geonames_get_city(i)
        rows.append((lib.geonames_city_get_population(c),
                     lib.geonames_city_get_name(c).decode(),
                     lib.geonames_city_get_country_code(c).decode()))
        lib.geonames_city_free(c)
    rows.sort(key=lambda r: (-r[0], r[1], r[2]))
    return rows


class Places:
    def __init__(self):
        self.entries = []       # in insertion order
        self.by_name = {}
        self.forms = {}         # surface form -> entry

    def add(self, name, aliases=(), merge=True, **attrs):
        """Add an entry; returns it, or None when the name is taken and
        merge is False. Aliases already used elsewhere are dropped."""
        if name in self.forms:
            e = self.forms[name]
            if not merge or e["name"] != name:
                return None
            for k, v in attrs.items():
                e.setdefault(k, v)
        else:
            e = dict(name=name, aliases=[], **attrs)
            self.entries.append(e)
            self.by_name[name] = e
            self.forms[name] = e
        # (the name's own ASCII form too: "Himāchal Pradesh" is written
        # "Himachal Pradesh" in news; not when it is a word, a person's name
        # or short: "Salé" is no "Sale", "Farāh" no Mo "Farah")
        named = fold(name)
        if named and (len(named) < 6 or named.lower() in FOLD_UNSAFE or named in FOLD_UNSAFE):
            named = None
        forms = [named] if named else []
        for a in aliases:
            forms += [a, fold(a)]
        for form in forms:
            if form and form not in self.forms:
                e["aliases"].append(form)
                self.forms[form] = e
        return e


MACRONS = set("āēīōūĀĒĪŌŪ")
FOLD_UNSAFE = set()   # English words and people's names: no place's ASCII form (main fills it)


def person_names():
    """Given names (../names.yaml, when it exists) and common surnames
    (place_surnames.txt)."""
    people = set()
    with open(os.path.join(HERE, "place_surnames.txt"), encoding="utf-8") as f:
        people.update(l.strip() for l in f if l.strip() and not l.startswith("#"))
    names = os.path.join(OUT, "names.yaml")
    if os.path.exists(names):
        with open(names, encoding="utf-8") as f:
            for line in f:
                if line.startswith("  - "):
                    people.add(line[4:].strip().replace("name: ", "", 1).strip('"'))
    return people


def flag_person_names(places):
    """Mark places whose name is also a given name (../names.yaml, when it
    exists) or a common surname (place_surnames.txt) with ambiguous=person."""
    people = person_names()
    for e in places.entries:
        if e["name"] in people and e.get("subtype") in ("subdivision", "city", "place"):
            e.setdefault("ambiguous", "person")


def iso_names(c):
    out = []
    for k in ("name", "common_name", "official_name"):
        n = c.get(k, "")
        if n and "," not in n and "(" not in n:
            out.append(n[4:] if n.startswith("the ") else n)
    return out


def main():
    words = english_words()
    FOLD_UNSAFE.update(words)
    FOLD_UNSAFE.update(person_names())
    iso1 = {c["alpha_2"]: c for c in
            json.load(open(ISO + "iso_3166-1.json", encoding="utf-8"))["3166-1"]}
    places = Places()
    demonyms = []           # (demonym forms, place name)

    for r in read_tsv(os.path.join(HERE, "countries.tsv")):
        code = r["code"]
        dem = split_list(r["demonyms"])
        attrs = parse_attrs(r["attrs"])
        attrs.update(code=code, subtype="country")
        if dem:
            attrs["demonym"] = dem[0].lstrip("-")
        public = [d for d in dem if not d.startswith("-")]
        if public:
            demonyms.append((public, r["name"]))
        aliases = split_list(r["aliases"]) + iso_names(iso1.get(code, {}))
        places.add(r["name"], aliases, merge=False, **attrs)
    missing = set(iso1) - {e["code"] for e in places.entries}
    if missing:
        sys.exit("countries.tsv lacks ISO codes: " + " ".join(sorted(missing)))

    for r in read_tsv(os.path.join(HERE, "regions.tsv")):
        dem = split_list(r["demonyms"])
        attrs = {"subtype": r["subtype"]}
        if dem:
            attrs["demonym"] = dem[0]
            demonyms.append((dem, r["name"]))
        if places.add(r["name"], split_list(r["aliases"]), merge=False, **attrs) is None:
            sys.exit("regions.tsv: %s is already a place" % r["name"])

    for r in read_tsv(os.path.join(HERE, "places_extra.tsv")):
        attrs = parse_attrs(r["attrs"])
        attrs.update(subtype=r["subtype"], country=r["country"])
        if places.add(r["name"], split_list(r["aliases"]), merge=False, **attrs) is None:
            sys.exit("places_extra.tsv: %s is already a place" % r["name"])

    country_names = {n for c in iso1.values() for n in iso_names(c)}
    overrides = {r["code"]: r for r in read_tsv(os.path.join(HERE, "subdivisions.tsv"))}
    subs = json.load(open(ISO + "iso_3166-2.json", encoding="utf-8"))["3166-2"]
    for s in sorted(subs, key=lambda s: s["code"]):
        raw, aliases = s["name"], []
        if "[" in raw:
            raw, _, alt = raw.partition("[")
            alt = " ".join(w for w in alt.rstrip("]").split()
                           if not (len(w) > 3 and w[2] == "-" and w[:2].isupper()))
            raw = raw.strip()
            # an alternative name ("A Coruña [La Coruña]"), not a note ("[city]")
            if alt and any(ch.isupper() for ch in alt):
                aliases.append(alt)
        if raw.endswith(", City of"):
            raw = raw[:-len(", City of")]
        # a romanisation with long-vowel marks is no news form: "Rājasthān"
        # is written "Rajasthan", which names the place (the other an alias)
        if any(ch in MACRONS for ch in raw) and fold(raw):
            raw, aliases = fold(raw), [raw] + aliases
        o = overrides.get(s["code"])
        if o:
            if o["name"] == "-":
                continue
            aliases = split_list(o["aliases"]) + [raw] + aliases
            raw = o["name"]
        attrs = {"country": s["code"][:2], "code": s["code"],
                 "subtype": "subdivision", "division": s["type"].lower()}
        e = places.forms.get(raw)
        if e is not None and e["name"] == raw and e.get("subtype") == "region":
            e["subtype"] = "subdivision"
            places.add(raw, aliases, **attrs)
        elif e is None:
            if not o and ("," in raw or raw.lower() in words
                          or raw in country_names or len(raw) < 3):
                print("skip subdivision", s["code"], raw, file=sys.stderr)
                continue
            places.add(raw, aliases, **attrs)

    us = 0
    # (a smaller town named after someone is more often that person:
    # "Benito Juarez", "Agustin Codazzi")
    people = person_names()
    for pop, name, cc in geonames_cities():
        if cc == "US":
            us += 1
        if pop < WORLD_MIN_POP and not (cc == "US" and us <= US_TOP) and \
                not (pop >= MULTIWORD_MIN_POP and " " in name and name.split()[0] not in people):
            continue
        if name in places.forms or "," in name:
            continue
        if pop < BIG_CITY and (name.lower() in words or len(name) < 3):
            print("skip city", name, cc, pop, file=sys.stderr)
            continue
        places.add(name, [], merge=False, subtype="city", country=cc)

    flag_person_names(places)
    places.entries.sort(key=lambda e: ({"country": 0, "continent": 1, "region": 1,
                                        "city": 3, "place": 3}.get(e.get("subtype"), 2),
                                       e["name"]))
    write_lexicon(os.path.join(OUT, "places.yaml"), """
Places: countries, regions, subdivisions and cities. Generated by
build/gen_places.py (do not edit by hand; edit the tables in build/).
Sources: Debian iso-codes (ISO 3166-1/-2 names, codes); GeoNames cities via
Debian libgeonames0 (CC-BY-4.0, geonames.org); curated news names, demonyms,
capitals and variant spellings in build/*.tsv. Attributes: code (ISO),
country (ISO 3166-1 code), subtype (country, continent, region,
subdivision, city, place), division (the ISO subdivision type), demonym, capital, ambiguous (the name
has another common reading: person, word, US state).""",
                  "places", "place", "sensitive", places.entries)

    seen, dem_entries = set(), []
    for forms, place in demonyms:
        forms = [f for f in forms if f not in seen]
        if not forms:
            continue
        seen.update(forms)
        dem_entries.append({"name": forms[0], "aliases": forms[1:], "place": place})
    dem_entries.sort(key=lambda e: e["name"])
    write_lexicon(os.path.join(OUT, "demonyms.yaml"), """
Demonyms and place adjectives (Russian, Ukrainians, Briton, European) with
the canonical place name they refer to (attribute place, a name in
places.yaml). Generated by build/gen_places.py from build/countries.tsv and
build/regions.tsv (curated).""",
                  "demonyms", "place", "sensitive", dem_entries)
    print("places: %d entries, demonyms: %d entries"
          % (len(places.entries), len(dem_entries)))


if __name__ == "__main__":
    main()
