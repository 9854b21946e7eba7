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
#include <wchar.h>
#include <ncursesw/curses.h>

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

#endif
