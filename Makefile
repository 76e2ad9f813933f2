# make install [PREFIX=DIR]: builds the release as users should run it and
# installs the binary, its man page and bash, zsh and fish completions.
# make uninstall [PREFIX=DIR] removes them. make binary builds the release
# only (bench/build.sh uses it, so benchmarks measure what users install).
#
# The release is a static executable: the Swift runtime, glibc, libstdc++,
# ncursesw and SQLite are all linked in, so there is no dynamic loader at
# start-up (no libraries to map, no relocations, no symbol lookups: about
# 0.8 ms of CPU before the reader's first paint, measured in bench/README.md). glibc
# still loads its gconv modules (GB18030) and NSS at run time, from the
# glibc the binary was built against: the linker's warnings about dlopen,
# getpwnam and getaddrinfo say so, and are expected. The static libraries
# come from their own folder, where libncursesw.a is a linker script
# grouping ncursesw with the tinfo it needs.
PREFIX ?= /usr/local
DESTDIR ?=
BUILD := .build-static
STATIC_LIBS := $(BUILD)/static-libs
# Generic types are made from metadata accessors, not looked up by mangled
# name: each such lookup checked the type's conformances by scanning every
# conformance record in the binary (a tenth of the work before the first frame).
# Each function in a section of its own, and lld placing the ones a session
# runs side by side (Scripts/hot-symbols.txt, made by Scripts/hot-symbols.sh):
# the code the start-up runs was spread over the 13 MB of text, 92 page faults
# of the 366 before the first frame; together, 50.
ORDER := Scripts/hot-symbols.txt
FLAGS := -c release --static-swift-stdlib -Xswiftc -static-executable -Xlinker -L$(STATIC_LIBS) --disable-local-rpath --scratch-path $(BUILD) \
	-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
	-Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections \
	-Xswiftc -use-ld=lld -Xlinker --symbol-ordering-file=$(CURDIR)/$(ORDER) -Xlinker --no-warn-symbol-ordering
BIN := $(BUILD)/release/bulletin
OUT := $(BUILD)/install

BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: all binary build install uninstall clean

all: build

$(STATIC_LIBS)/libncursesw.a:
	mkdir -p $(STATIC_LIBS)
	echo "GROUP ( $$(c++ -print-file-name=libncursesw.a) $$(c++ -print-file-name=libtinfo.a) )" > $@

# Debug info stripped (symbols kept, for backtraces): the launch faults in
# fewer pages, about 0.7 ms of the reader's 4.5 ms to its first frame.
binary: $(STATIC_LIBS)/libncursesw.a
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
