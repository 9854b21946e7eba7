// The C surface of libncursesw that Scrutiny's terminal adapter uses.
//
// Written by hand rather than through pkg-config: SwiftPM drops pkg-config's -D flags, and
// without NCURSES_WIDECHAR the wide API (get_wch, cchar_t, wint_t) is missing. Macros and
// globals that Swift 6 cannot import (A_BOLD, COLOR_PAIR, stdscr…) get small inline wrappers.
#ifndef SCRUTINY_CNCURSES_SHIM_H
#define SCRUTINY_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// From <term.h>, declared here rather than including it: term.h defines hundreds of macros
// (lines, columns…) that would shadow ordinary names. Used to check TERM before initscr,
// which would otherwise print an error and exit.
extern int setupterm(const char *term, int filedes, int *errret);

static inline attr_t scrutiny_a_normal(void) { return A_NORMAL; }
static inline attr_t scrutiny_a_bold(void) { return A_BOLD; }
static inline attr_t scrutiny_a_reverse(void) { return A_REVERSE; }
static inline attr_t scrutiny_a_underline(void) { return A_UNDERLINE; }
static inline attr_t scrutiny_a_dim(void) { return A_DIM; }
static inline attr_t scrutiny_color_pair(int n) { return COLOR_PAIR(n); }
static inline int scrutiny_key_f(int n) { return KEY_F(n); }
static inline int scrutiny_err(void) { return ERR; }
static inline int scrutiny_ok(void) { return OK; }
static inline int scrutiny_key_code_yes(void) { return KEY_CODE_YES; }

// True when the current locale's character set is UTF-8 (wide characters need it).
static inline int scrutiny_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// The key code ncurses gives an extended terminfo key such as "kLFT5" (Ctrl-Left), or 0 when
// this terminal does not describe it. tigetstr returns (char *)-1 for "not a string
// capability", which Swift cannot compare against safely, hence the wrapper.
static inline int scrutiny_key_for_capability(const char *name) {
    char *sequence = tigetstr(name);
    if (sequence == NULL || sequence == (char *)-1) return 0;
    int code = key_defined(sequence);
    return code > 0 ? code : 0;
}

#endif
