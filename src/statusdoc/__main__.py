from statusdoc._entry import main

main()
