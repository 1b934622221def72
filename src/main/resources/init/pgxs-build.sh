# build TREE STAGE: make install DESTDIR=STAGE stages the build as the installation would hold it.
build() { make -C "$1" PG_CONFIG="$PG_CONFIG" install DESTDIR="$2"; }
