#include <git2.h>

/* Reads git objects without hashing each to check it against its id, as `git cat-file` reads
   them (zlib's checksum of each compressed object still catches most damage): hashing was a
   quarter of the time a first build spent reading ten thousand historic versions. Here
   because git_libgit2_opts is variadic, which Swift cannot call. Call after git_libgit2_init;
   returns libgit2's result (0 on success). */
static inline int gtm_git_skip_hash_verification(void) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}
