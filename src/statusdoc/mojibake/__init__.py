"""The mojibake repair behind ``statusdoc fix-encoding`` (:mod:`statusdoc.encoding_repair` is its
public face): data tables, character plausibility, detection per code page, the repair of a
round, and the composition of rounds."""
