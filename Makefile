# Two entry points (see README): `make generate` runs the main job on configs/,
# `make test` runs the whole suite. Both set up the pinned environment first.
#
# Needs only python3 (3.11+) and make. uv is used from PATH when there is one;
# otherwise it is installed, pinned, into .venv-bootstrap/ (a venv of its own:
# nothing is pip-installed into the system interpreter, PEP 668).
UV_VERSION := 0.13.8
BOOTSTRAP := .venv-bootstrap
UV := $(or $(shell command -v uv 2>/dev/null),$(BOOTSTRAP)/bin/uv)
PY := .venv/bin/python
# uv trusts the system's CA store, as pip and git do here (needed behind a TLS-inspecting proxy)
export UV_NATIVE_TLS ?= 1

.PHONY: setup generate validate test bench clean

# Bytecode is compiled at install time, as pip does: where PYTHONDONTWRITEBYTECODE is set
# (it is on our machines) Python would otherwise compile every module from source on every
# run, which tripled the start-up of each command (docs/performance.md, "Start-up").
setup: .venv/.synced
	@$(PY) -m compileall -q csmconf

$(BOOTSTRAP)/bin/uv:
	@python3 -m venv $(BOOTSTRAP) || { \
	  echo "make: 'python3 -m venv' failed: install the venv module (Debian/Ubuntu: apt-get install python3-venv)" >&2; \
	  rm -rf $(BOOTSTRAP); exit 1; }
	$(BOOTSTRAP)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --quiet --compile-bytecode
	@touch $@
	@echo "csmconf is installed: .venv/bin/csmconf (or .venv/bin/python -m csmconf)" >&2

generate: setup
	$(PY) -m csmconf compile configs -o generated
	$(PY) -m csmconf schema -o schemas

validate: setup
	$(PY) -m csmconf validate configs

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/run_benchmark.py --scale 1 --compile

clean:
	rm -rf .venv $(BOOTSTRAP) .pytest_cache
