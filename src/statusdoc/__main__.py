from statusdoc._cli import main

main()
