# make install [PREFIX=DIR]: builds the release as users should run it and
# installs the binary, its man page and bash, zsh and fish completions.
# make uninstall [PREFIX=DIR] removes them. make binary builds the release
# only (bench/build.sh uses it, so benchmarks measure what users install).
#
# The release links the Swift runtime, libstdc++, ncursesw and SQLite statically and
# is not position-independent: each cuts what the dynamic loader does before
# main (no relocation of the runtime's metadata, none of libstdc++'s ~5,000
# symbol lookups, no ncursesw and tinfo to map; measured in bench/README.md).
# The static libraries are found first through a folder of their own, as
# swiftc asks for -lstdc++, -lncursesw and -lsqlite3 itself; there libncursesw.a is a
# linker script grouping ncursesw with the tinfo it needs.
# The binary has no $ORIGIN run path: it needs no library beside it.
PREFIX ?= /usr/local
DESTDIR ?=
BUILD := .build-static
STATIC_CXX := $(BUILD)/static-libstdc++
FLAGS := -c release --static-swift-stdlib -Xlinker -no-pie -Xlinker -L$(STATIC_CXX) --disable-local-rpath --scratch-path $(BUILD)
BIN := $(BUILD)/release/bulletin
OUT := $(BUILD)/install

BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: all binary build install uninstall clean

all: build

$(STATIC_CXX)/libstdc++.a:
	mkdir -p $(STATIC_CXX)
	ln -sf "$$(c++ -print-file-name=libstdc++.a)" $@

$(STATIC_CXX)/libsqlite3.a:
	mkdir -p $(STATIC_CXX)
	ln -sf "$$(c++ -print-file-name=libsqlite3.a)" $@

$(STATIC_CXX)/libncursesw.a:
	mkdir -p $(STATIC_CXX)
	echo "GROUP ( $$(c++ -print-file-name=libncursesw.a) $$(c++ -print-file-name=libtinfo.a) )" > $@

# Debug info stripped (symbols kept, for backtraces): the launch faults in
# fewer pages, about 0.7 ms of the reader's 4.5 ms to its first frame.
binary: $(STATIC_CXX)/libstdc++.a $(STATIC_CXX)/libncursesw.a $(STATIC_CXX)/libsqlite3.a
	swift build $(FLAGS) --product bulletin
	strip --strip-debug $(BIN)

build: binary
	swift build $(FLAGS) --product generate-manual
	rm -rf $(OUT) && mkdir -p $(OUT)
	$(BUILD)/release/generate-manual $(BIN) --output-directory $(OUT)
	$(BIN) --generate-completion-script bash > $(OUT)/bulletin.bash
	$(BIN) --generate-completion-script zsh > $(OUT)/_bulletin
	$(BIN) --generate-completion-script fish > $(OUT)/bulletin.fish

install: build
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(BIN) $(BINDIR)/bulletin
	install -m 644 $(OUT)/bulletin.1 $(MANDIR)/bulletin.1
	install -m 644 $(OUT)/bulletin.bash $(BASHDIR)/bulletin
	install -m 644 $(OUT)/_bulletin $(ZSHDIR)/_bulletin
	install -m 644 $(OUT)/bulletin.fish $(FISHDIR)/bulletin.fish

uninstall:
	rm -f $(BINDIR)/bulletin $(MANDIR)/bulletin.1 $(BASHDIR)/bulletin $(ZSHDIR)/_bulletin $(FISHDIR)/bulletin.fish

clean:
	rm -rf $(BUILD)
