#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include "system_shims.h"

// cmark-gfm keeps the inline parser's special characters (`~` for strikethrough, `|` for
// tables, …) in one process-wide table, and every parse switches its extensions' characters
// on at the start and off at the end. Two parses on two threads then race: one switches `~`
// off while the other is still reading strikethrough. gtmgen attaches the same extensions to
// every parser, so the table can simply stay on: this definition takes the place of the
// library's (the library calls it through its PLT), and the characters are switched on once
// with the library's own function. gtm_cmark_special_character_calls() tells whether the
// library really calls this one; if not, gtmgen keeps parses from overlapping.

typedef struct cmark_parser cmark_parser;

static atomic_int special_character_calls;

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    (void)parser;
    (void)add;
    atomic_fetch_add(&special_character_calls, 1);
}

int gtm_cmark_enable_special_characters(cmark_parser *parser) {
    void (*library)(cmark_parser *, int) =
        (void (*)(cmark_parser *, int))dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
    if (library == 0) return 0;
    library(parser, 1);
    return 1;
}

int gtm_cmark_special_character_calls(void) {
    return atomic_load(&special_character_calls);
}
