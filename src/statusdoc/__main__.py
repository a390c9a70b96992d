from statusdoc._entry import console

console()
