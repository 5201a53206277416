from .runtime import console_main

console_main()
