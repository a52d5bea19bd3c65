#ifndef GTMGEN_SYSTEM_SHIMS_H
#define GTMGEN_SYSTEM_SHIMS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL where unsupported).
int gtm_rename_exchange(const char *from, const char *to);

#endif
