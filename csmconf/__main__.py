from .cli import main
from .runtime import run_and_exit

run_and_exit(main)
