// SwiftPM drops the -D flags that pkg-config gives, so the wide-character API is switched on here.
#define _XOPEN_SOURCE 700
#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift imports neither function-like macros nor (under Swift 6) mutable C globals such as stdscr,
// LINES and COLS, so each one gets a small getter.

static inline WINDOW *guichet_stdscr(void) { return stdscr; }
static inline int guichet_rows(void) { return getmaxy(stdscr); }
static inline int guichet_cols(void) { return getmaxx(stdscr); }
static inline int guichet_key_f(int n) { return KEY_F(n); }

static inline attr_t guichet_a_normal(void) { return A_NORMAL; }
static inline attr_t guichet_a_bold(void) { return A_BOLD; }
static inline attr_t guichet_a_dim(void) { return A_DIM; }
static inline attr_t guichet_a_reverse(void) { return A_REVERSE; }
static inline attr_t guichet_a_underline(void) { return A_UNDERLINE; }
static inline attr_t guichet_color_pair(int pair) { return COLOR_PAIR(pair); }

static inline FILE *guichet_stdin(void) { return stdin; }
static inline FILE *guichet_stdout(void) { return stdout; }

static inline const char *guichet_codeset(void) { return nl_langinfo(CODESET); }
