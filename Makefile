# Two entry points (see README): `make generate` runs the main job on configs/,
# `make test` runs the whole suite. Both set up the pinned environment first.
UV_VERSION := 0.13.8
PY := .venv/bin/python

.PHONY: setup generate validate test bench clean

setup: .venv/.synced

.venv/.synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet "uv==$(UV_VERSION)"
	uv sync --frozen --quiet
	@touch $@

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
	rm -rf .venv .pytest_cache
