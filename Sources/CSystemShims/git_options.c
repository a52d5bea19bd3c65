#include <git2.h>
#include "system_shims.h"

/* git_libgit2_opts is variadic, which Swift cannot call: set here. */
int gtm_git_skip_hash_verification(void) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}
