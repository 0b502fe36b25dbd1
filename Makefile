# Tsunagari: two commands to start.
#   make run    install what is missing, build, check the sample network
#   make test   install what is missing, run every test
SAMPLE := SampleData/midori

.PHONY: deps build run test bench fuzz memcheck clean

deps:
	@scripts/install-deps.sh

build: deps
	swift build -c release

run: build
	.build/release/tsunagari check $(SAMPLE)
	.build/release/tsunagari report $(SAMPLE) --title みどり市 --lang ja -o out

test: deps
	swift test

bench: deps
	swift build -c release --product tsunagari-bench
	swift build -c release --product tsunagari
	scripts/bench.sh

fuzz: deps
	scripts/fuzz.sh

memcheck: deps
	scripts/memcheck.sh

clean:
	rm -rf .build out bench-data
