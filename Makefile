# make install [PREFIX=DIR]: builds the release as users should run it (the
# Swift runtime linked statically, a non-PIE executable: bench/build.sh) and
# installs the binary, its man page and bash, zsh and fish completions.
# make uninstall [PREFIX=DIR] removes them.
PREFIX ?= /usr/local
DESTDIR ?=
BUILD := .build-static
FLAGS := -c release --static-swift-stdlib -Xlinker -no-pie --disable-local-rpath --scratch-path $(BUILD)
BIN := $(BUILD)/release/bulletin
OUT := $(BUILD)/install

BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: all build install uninstall clean

all: build

build:
	swift build $(FLAGS) --product bulletin
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
