"""The labelled evaluation of statusdoc on documents nobody here wrote (issue "Truth on real documents").

``python -m eval`` (from the repository root, with ``../shared`` beside it) runs ``recompute`` and
``lint`` on every labelled document and prints precision, recall and false findings.  The labels
say what a careful maintainer of each document would want; they never copy the documents.
"""
