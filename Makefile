# Two entry points: `make demo` builds the seed graph, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT := out

.PHONY: demo test install sysdeps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

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

test: $(STAMP) sysdeps
	SPARK_LOCAL_IP=127.0.0.1 $(BIN)/python -m pytest -q

clean:
	rm -rf $(OUT) $(VENV)
