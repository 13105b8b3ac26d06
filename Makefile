# Two entry points: `make demo` builds the seed graph, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
OUT := out

.PHONY: demo test install sysdeps clean

# The demo needs only what a build needs; the tests add their extras (browser driver, Spark,
# notebook kernel, SPARQL clients) on top, so `make demo` stays small.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(TEST_STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build seeds/ --store $(OUT)/store --quiet
	$(BIN)/kg export graph --store $(OUT)/store -o $(OUT)/graph.ttl
	$(BIN)/kg export events --store $(OUT)/store -o $(OUT)/events.csv
	$(BIN)/kg export actors --store $(OUT)/store -o $(OUT)/actors.csv
	$(BIN)/kg viz --store $(OUT)/store -o $(OUT)/graph.html
	@echo "Open $(OUT)/graph.html in a browser; try: $(BIN)/kg query --store $(OUT)/store who-met-whom"

# Debian's chromium, a Java runtime and curl, installed when missing (scripts/system_deps.sh).
sysdeps:
	@scripts/system_deps.sh

test: $(TEST_STAMP) sysdeps
	SPARK_LOCAL_IP=127.0.0.1 $(BIN)/python -m pytest -q

clean:
	rm -rf $(OUT) $(VENV)
