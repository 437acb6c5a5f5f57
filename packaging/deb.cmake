# The Debian package (`cpack --config build/CPackConfig.cmake`, or `cmake --build build --target
# package`): cloudplan_VERSION_ARCH.deb with what `cmake --install` puts under /usr. Its Depends
# are the runtime packages of the libraries the binary links (libfmt9, libtinyxml2-9, libgvc6,
# libcgraph6, libssl3, libstdc++6, libc6...), found by dpkg-shlibdeps (Debian's dpkg-dev).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cloudplan)
set(CPACK_PACKAGE_VENDOR "cloudplan maintainers")
set(CPACK_PACKAGE_CONTACT "cloudplan maintainers <maintainers@users.noreply.h-seed-36c6281d.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "government system inventories into cloud-migration waves")
set(CPACK_PACKAGE_DESCRIPTION
  "cloudplan reads the system inventories that ministries and agencies submit (inventory CSV, \
ArchiMate exchange models, Archi models and CSV exports) into one dependency graph, checks it, \
and sequences the move to the cloud in waves that respect dependencies, tight couplings, wave \
capacity and effort, pins and calendar dates. It writes the plan as JSON, CSV and ArchiMate, \
Graphviz diagrams, a Gantt schedule and a self-contained HTML report.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The completions work without these; with them, bash and zsh find them on their own.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, zsh")
# `package_source`: a tarball of the sources, without builds and outputs.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/out/" "__pycache__")
include(CPack)
