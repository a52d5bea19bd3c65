#ifndef GTMGEN_SYSTEM_SHIMS_H
#define GTMGEN_SYSTEM_SHIMS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL where unsupported).
int gtm_rename_exchange(const char *from, const char *to);

struct cmark_parser;

/// Switches on, once and for good, the inline special characters of the extensions attached
/// to `parser` (see cmark_special_characters.c). Returns 0 when the library's function is not found.
int gtm_cmark_enable_special_characters(struct cmark_parser *parser);

/// How often cmark-gfm called gtmgen's replacement of its special-character switch; 0 means
/// the replacement is not in effect and parses must not overlap.
int gtm_cmark_special_character_calls(void);

#endif
