# Tsunagari: two commands to start.
#   make run    install what is missing, build, check the sample network
#   make test   install what is missing, run every test
SAMPLE := SampleData/midori

.PHONY: deps build run test bench fuzz memcheck format lint clean

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

# The layout of the Swift sources (.swift-format: 4 spaces, lines of at most 120 characters).
format:
	swift format format --in-place --recursive Sources Tests Fuzz/Sources

lint:
	swift format lint --strict --recursive Sources Tests Fuzz/Sources

clean:
	rm -rf .build out bench-data
