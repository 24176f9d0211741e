# Dialer: `make demo` runs the demo campaign, `make test` runs the tests.
# Both install the Debian packages Dialer needs when they are missing.

SWIFT ?= swift
DEBIAN_PACKAGES := pkg-config libsqlite3-dev libcurl4-openssl-dev libssl-dev tzdata sqlite3
DEMO_OUT ?= reports/demo

.PHONY: all deps build demo test bench clean

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

test: deps
	$(SWIFT) build
	$(SWIFT) test

bench: deps
	$(SWIFT) build -c release --product dialer-bench

clean:
	rm -rf .build reports
