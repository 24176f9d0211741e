# Dialer: `make demo` runs the demo campaign, `make test` runs the tests.
# Both install the Debian packages Dialer needs when they are missing.

SWIFT ?= swift
DEBIAN_PACKAGES := pkg-config libsqlite3-dev libcurl4-openssl-dev libssl-dev libmicrohttpd-dev libxlsxwriter-dev libzip-dev libexpat1-dev libphonenumber-dev libphonenumber8-java tzdata sqlite3
# What the Asterisk lab of the integration tests needs to run Asterisk 22 (Tests/AsteriskLab/README.md).
LAB_PACKAGES := libedit2 libjansson4 libxml2 libxslt1.1 libuuid1 libssl3 libsqlite3-0 python3 xz-utils
# What the other real-thing tests use: the headless browser and its WebDriver (docs/web.md), curl and openssl
# for the TLS test, the office suite that opens the reports and makes the list fixtures again, unzip, and
# strace (to watch that reading an encoded list creates no file).
TEST_PACKAGES := chromium chromium-driver curl openssl libreoffice-calc-nogui unzip strace
DEMO_OUT ?= reports/demo
# The Asterisk the lab runs: a tarball, an unpacked tree or a binary; else `asterisk` on PATH,
# else ../shared/asterisk beside the repository. Without one the lab tests are skipped, saying so.
export ASTERISK

.PHONY: all deps lab-deps test-deps build demo test bench clean

all: build

deps:
	@command -v $(SWIFT) >/dev/null 2>&1 || { \
	  echo "make: the Swift toolchain (6.0 or newer) is not on PATH; install it from swift.org, then run make again." >&2; exit 2; }
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build -c release --product dialerd

demo: build
	.build/release/dialerd simulate campaigns/demo.campaign --out $(DEMO_OUT) --seed 7

test: deps lab-deps test-deps
	$(SWIFT) build
	@if found=$$(bash Tests/AsteriskLab/lab.sh find 2>&1); then echo "Asterisk lab: $$found"; \
	 else echo "Asterisk lab: not found, its tests are skipped: $$found"; fi
	$(SWIFT) test

lab-deps:
	@$(MAKE) --no-print-directory deps DEBIAN_PACKAGES="$(LAB_PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory deps DEBIAN_PACKAGES="$(TEST_PACKAGES)"

bench: deps
	$(SWIFT) build -c release --product dialer-bench

clean:
	rm -rf .build reports
