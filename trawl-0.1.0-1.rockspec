-- luarocks make: builds trawl.so for Lua 5.4 and keeps the rules and scripts
-- in the rock's own directory, where the module looks for them (compiled in).
rockspec_format = "3.0"
package = "trawl"
version = "0.1.0-1"
source = {
  -- where the sources are published; `luarocks make` in a checkout ignores it
  url = "git+https://example.org/trawl.git",
  tag = "v0.1.0",
}
description = {
  summary = "Extracts actors, quotes and figures from news articles with editable Lua rules",
  detailed = [[
A C engine (tokenizer, sentences, PCRE2 regexes, token patterns, lexicons)
runs sandboxed Lua rules over articles. require "trawl" gives trawl.engine{},
whose analyse(text, {id = ...}) returns the record as Lua tables.
Needs PCRE2, libyaml and jansson (Debian: libpcre2-dev libyaml-dev
libjansson-dev pkg-config).]],
}
dependencies = { "lua >= 5.4, < 5.5" }
build = {
  type = "make",
  build_target = "rock",
  install_target = "rock-install",
  build_variables = {
    B = "build/rock",
    CFLAGS = "$(CFLAGS)",
    PREFIX = "$(PREFIX)",        -- the rock's directory: DATADIR is $(PREFIX)/share
  },
  install_variables = {
    B = "build/rock",
    PREFIX = "$(PREFIX)",
    LUA_CMODDIR = "$(LIBDIR)",
  },
}
