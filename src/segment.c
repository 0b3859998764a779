/*
** segment.c: sentence segmentation and tokenization for news (prefix seg_).
** Rule-based, one pass to cut tokens (UD English EWT conventions: clitics
** split, hyphens split except after common prefixes, abbreviations kept),
** one pass to place sentence boundaries. Everything is a byte span into the
** caller's text; nothing is copied. Rules and figures: docs/ingest.md.
*/
#include "dyad.h"
#include <string.h>

/* Token flags (internal). */
enum {
    F_TERM = 1 << 0,    /* . ! ? ... and runs of them */
    F_MAYEND = 1 << 1,  /* abbreviation with its period: may end a sentence */
    F_NOEND = 1 << 2,   /* abbreviation that never ends one (Mr., Gen.) */
    F_OPEN = 1 << 3,    /* opening quote or bracket */
    F_CLOSE = 1 << 4,   /* closing quote or bracket */
    F_MONTH = 1 << 5,   /* month abbreviation (Dec.): ends only before a non-number */
    F_DASH = 1 << 6,    /* - or -- standing alone */
    F_URL = 1 << 7,     /* URL or e-mail address */
    F_RULE = 1 << 8,    /* a line of ---- or **** (a sentence of its own) */
    F_NUMABBR = 1 << 9  /* No. pp. Vol.: an abbreviation only before a number */
};

typedef struct tok {
    uint32_t s, e;
    uint16_t flags;
    uint8_t nl;     /* newlines in the white space before the token (capped) */
    uint8_t sp;     /* white space before the token */
} tok;

struct dyad_segmenter {
    tok *t;                 /* pass 1 tokens */
    size_t nt, capt;
    dyad_span *out;         /* final tokens */
    size_t nout, capout;
    dyad_seg_sentence *sent;
    size_t ns, caps;
    const char *z;          /* text being segmented (borrowed during a call) */
    size_t n;
    int oom;
};

dyad_segmenter *dyad_segmenter_new(void) { return dyad_calloc(1, sizeof(dyad_segmenter)); }

void dyad_segmenter_free(dyad_segmenter *sg) {
    if (!sg) return;
    dyad_free(sg->t);
    dyad_free(sg->out);
    dyad_free(sg->sent);
    dyad_free(sg);
}

static int grow(void **p, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return 0;
    size_t c = *cap ? *cap : 64;
    while (c < need) c *= 2;
    void *q = dyad_realloc(*p, c * size);
    if (!q) return -1;
    *p = q;
    *cap = c;
    return 0;
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha(unsigned char c) { return is_upper(c) || is_lower(c) || c >= 0x80; }
static int is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
static int lower(unsigned char c) { return is_upper(c) ? c + 32 : c; }

/* Case-insensitive compare of z[0..n) with the C string w. */
static int eqi(const char *z, size_t n, const char *w) {
    size_t i;
    for (i = 0; i < n; i++)
        if (!w[i] || lower((unsigned char)z[i]) != (unsigned char)w[i]) return 0;
    return w[i] == '\0';
}

static int in_list(const char *z, size_t n, const char *const *list) {
    if (!n) return 0;
    for (; *list; list++)
        if ((*list)[0] == z[0] && strnlen(*list, n + 1) == n && !memcmp(*list, z, n)) return 1;
    return 0;
}

/* Abbreviations (without the period), case-sensitive. */
static const char *const abbr_noend[] = {
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cpt", "Maj", "Adm",
    "Cmdr", "Gov", "Sen", "Sens", "Rep", "Reps", "Rev", "Hon", "Pres", "Supt", "Insp", "Amb", "St", "Mt",
    "Ft", "vs", "v", "Vs", "cf", "approx", "Dept", "dept", "Univ", "Assn", "Ave", "Blvd",
    "Rd", "Gens", "Drs", "Pvt", "Cpl", "Brig", "Lieut", "Sec", "Atty", "Mme", "Mssrs", "Attn", "Ref",
    "ca", "Sr", "Jr", NULL};
static const char *const abbr_mayend[] = {
    "etc", "Inc", "Corp", "Co", "Ltd", "Bros", "Cos", "Jr", "Sr", "Esq", "al", "Ph.D", "PhD", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "yrs", "hrs", "min", "mins", "sec", "Ave",
    "Ky", "Va", "Pa", "Mass", "Calif", "Fla", "Ill", "Mich", "Conn", "Md", "Ariz", "Colo", "Ga",
    "Tenn", "Wis", "Minn", "Ala", "La", "Okla", "Ore", "Wash", "Nev", "Neb", "Kan", "Ark", "Miss",
    "Del", "Tex", "PS", "Ont", NULL};
static const char *const abbr_month[] = {
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Sat", "Sun", NULL};
/* Abbreviations only before a number ("No. 5", "pp. 12"); else a period. */
static const char *const abbr_num[] = {
    "No", "Nr", "no", "p", "pp", "Vol", "vol", "Ch", "ch", "para", "Art", "Nos", "Fig", "fig", "pop", NULL};

/* Prefixes after which a hyphen does not split (EWT keeps e-mail, co-op,
** pre-war, non-profit ... as one token). Lower case. */
static const char *const hyphen_keep[] = {
    "e", "co", "pre", "post", "non", "semi", "re", "pro", "multi", "mid", "ex", "anti", "x", "de",
    "inter", "intra", "sub", "un", "bi", "tri", "mis", "over", "under", "counter", "neo", "quasi",
    "pseudo", "micro", "macro", "mini", "ultra", "cyber", "psycho", "socio", "geo", "vice", NULL};

/* Sentence starters after an abbreviation that may end a sentence. */
static const char *const starters[] = {
    "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You",
    "His", "Her", "Its", "Their", "Our", "My", "In", "On", "At", "For", "But", "And", "Or", "So",
    "If", "When", "While", "After", "Before", "As", "However", "There", "Here", "What", "Who", "Why",
    "How", "Some", "Many", "Most", "All", "No", "Not", "Now", "Then", "Also", "Meanwhile", "Earlier",
    "Later", "According", "Although", "Since", "Because", "Please", "Thanks", "Thank", "Let", "Here",
    "Attached", "Hope", "Sorry", "Yes", "Do", "Did", "Can", "Could", "Would", "Will", "Just", NULL};

/* Letter closings: "Thanks," then a name is a sentence of its own. */
static const char *const closings[] = {
    "Thanks", "Regards", "regards", "Best", "Cheers", "Sincerely", "Thx", "Love", "Cordially", NULL};

/* A token like 03/27/2001 or 5/30/00. */
static int slash_date(const dyad_segmenter *sg, const tok *t) {
    const char *p = sg->z + t->s;
    size_t n = t->e - t->s, slashes = 0;
    if (n < 6 || n > 10) return 0;
    for (size_t k = 0; k < n; k++) {
        if (p[k] == '/') slashes++;
        else if (!is_digit((unsigned char)p[k])) return 0;
    }
    return slashes == 2;
}

static const char *const greetings[] = {"Dear", "Hi", "Hello", "Hey", "Greetings", NULL};

static void add(dyad_segmenter *sg, uint32_t s, uint32_t e, unsigned flags, int nl, int sp) {
    if (s >= e) return;
    if (grow((void **)&sg->t, &sg->capt, sg->nt + 1, sizeof(tok)) < 0) { sg->oom = 1; return; }
    tok *t = &sg->t[sg->nt++];
    t->s = s;
    t->e = e;
    t->flags = (uint16_t)flags;
    t->nl = (uint8_t)(nl > 3 ? 3 : nl);
    t->sp = (uint8_t)sp;
}

static int is_url(const char *z, size_t s, size_t e) {
    size_t n = e - s;
    const char *p = z + s;
    for (size_t k = 0; k + 3 <= n; k++)
        if (p[k] == ':' && p[k + 1] == '/' && p[k + 2] == '/' && k > 0) return 1;
    if (n > 4 && eqi(p, 4, "www.")) return 1;
    const char *at = memchr(p, '@', n);
    if (at && at > p && memchr(at, '.', (size_t)(p + n - at)) && is_alnum((unsigned char)at[1])) return 1;
    return 0;
}

/* Clitic suffix length of the word z[s..e) (n't 's 're ...), 0 if none. */
/* Length of an apostrophe ending just before z[k] (' or U+2019), else 0. */
static size_t apos_before(const char *p, size_t k) {
    if (k >= 1 && p[k - 1] == '\'') return 1;
    if (k >= 3 && (unsigned char)p[k - 3] == 0xE2 && (unsigned char)p[k - 2] == 0x80 && (unsigned char)p[k - 1] == 0x99)
        return 3;
    return 0;
}

static size_t clitic(const char *z, size_t s, size_t e) {
    size_t n = e - s, a;
    const char *p = z + s;
    /* n't (n + apostrophe + t) */
    if (n >= 4 && lower((unsigned char)p[n - 1]) == 't' && (a = apos_before(p, n - 1)) && n >= a + 3 &&
        lower((unsigned char)p[n - 2 - a]) == 'n' && is_alpha((unsigned char)p[n - 3 - a]))
        return a + 2;
    /* 's 'd 'm */
    if (n >= 3 && (a = apos_before(p, n - 1)) && n >= a + 2 && is_alpha((unsigned char)p[n - 2 - a]) &&
        (eqi(p + n - 1, 1, "s") || eqi(p + n - 1, 1, "d") || eqi(p + n - 1, 1, "m")))
        return a + 1;
    /* 're 've 'll */
    if (n >= 4 && (a = apos_before(p, n - 2)) && n >= a + 3 && is_alpha((unsigned char)p[n - 3 - a]) &&
        (eqi(p + n - 2, 2, "re") || eqi(p + n - 2, 2, "ve") || eqi(p + n - 2, 2, "ll")))
        return a + 2;
    return 0;
}

/* Contractions written without the apostrophe, as web text does (EWT
** splits them: "dont" -> "do" "nt"): the length of the clitic part. */
static size_t glued(const char *z, size_t n) {
    static const char *const nt[] = {"dont", "wont", "cant", "didnt", "isnt", "doesnt", "wasnt", "arent",
                                     "couldnt", "wouldnt", "shouldnt", "havent", "hasnt", "werent", NULL};
    static const char *const s2[] = {"thats", "whats", "theres", "heres", "hes", "shes", "im", "ive",
                                     "youre", "theyre", "youve", "theyve", NULL};
    char low[12];
    if (n >= sizeof low) return 0;
    for (size_t k = 0; k < n; k++) low[k] = (char)lower((unsigned char)z[k]);
    low[n] = '\0';
    if (in_list(low, n, nt)) return 2;
    if (n == 4 && !strcmp(low, "alot")) return 3;
    if (in_list(low, n, s2)) return low[n - 1] == 's' || low[n - 1] == 'm' ? 1 : 2;
    return 0;
}

/* Units glued to a number that EWT splits off: 650k, 398,487MMBTU, 10am. */
static int unit_at(const char *z, uint32_t i, uint32_t e) {
    static const char *const units[] = {"k", "K", "m", "M", "bn", "mn", "MMBTU", "am", "pm", "AM", "PM",
                                        "km", "kg", "lb", "lbs", "mph", "mm", "cm", "ft", "GB", "MB", "MW",
                                        "mw", "hrs", "yrs", "min", "mins", NULL};
    return in_list(z + i, e - i, units);
}

/* A chunk that is only a clitic written apart: 's 're 'll 've 'd 'm 't. */
static int bare_clitic(const char *z, size_t s, size_t e) {
    size_t n = e - s;
    const char *p = z + s + 1;
    return (n == 2 && (eqi(p, 1, "s") || eqi(p, 1, "d") || eqi(p, 1, "m") || eqi(p, 1, "t"))) ||
           (n == 3 && (eqi(p, 2, "re") || eqi(p, 2, "ll") || eqi(p, 2, "ve")));
}

/* Emit the middle of a chunk: split clitics, then hyphens / slashes /
** stray punctuation between word pieces. */
static void emit_word(dyad_segmenter *sg, uint32_t s, uint32_t e, unsigned flags, int *nl, int *sp) {
    const char *z = sg->z;
    uint32_t cut = e;
    size_t c = clitic(z, s, e);
    size_t n = e - s;
    if (c) cut = e - (uint32_t)c;
    else if (n >= 5 && (eqi(z + s, n, "gonna") || eqi(z + s, n, "wanna") || eqi(z + s, n, "gotta")))
        cut = e - 2;
    else if (n == 6 && eqi(z + s, n, "cannot")) cut = e - 3;
    else if ((c = glued(z + s, n)) != 0) cut = e - (uint32_t)c;
    /* inner splits over [s, cut) */
    uint32_t i = s, start = s;
    while (i < cut) {
        unsigned char ch = (unsigned char)z[i];
        unsigned char prev = i > s ? (unsigned char)z[i - 1] : 0;
        unsigned char next = i + 1 < cut ? (unsigned char)z[i + 1] : 0;
        int split = 0;
        uint32_t plen = 1;
        if (ch == '-' && i > start && next) {
            if (next == '-') {  /* word--word */
                plen = 2;
                while (i + plen < cut && z[i + plen] == '-') plen++;
                split = i + plen < cut;
            } else if (prev == '.' && is_alpha(next) && i - start >= 2) {
                split = 1;  /* U.S.-led */
            } else if (is_alnum(prev) && is_alnum(next)) {
                /* digits-digits with 3+ digits a side (phone numbers, ids) stay whole */
                uint32_t a = i, b = i + 1;
                while (a > start && is_digit((unsigned char)z[a - 1])) a--;
                while (b < cut && is_digit((unsigned char)z[b])) b++;
                /* 713-853-3989, 853-3989, 78712-1179: phone numbers and zip
                ** codes stay whole; 1957-1975 and 5-3 split */
                int keep = a == start && ((i - a == 3 || i - a == 5) && b - i - 1 == 4);
                if (i - a >= 1 && i - a <= 2 && a == start && i + 5 <= cut && z[i + 4] == '-' &&
                    is_upper(next) && is_digit((unsigned char)z[i + 5 < cut ? i + 5 : i]) &&
                    in_list(z + i + 1, 3, abbr_month)) {  /* 01-Feb-02 */
                    i = cut;
                    continue;
                }
                keep |= a == start && i - a >= 3 && b - i - 1 >= 3 && b < cut && z[b] == '-';
                char low[12];
                size_t ln = i - start;
                if (!keep && start == s && ln < sizeof low) {
                    for (size_t k = 0; k < ln; k++) low[k] = (char)lower((unsigned char)z[start + k]);
                    low[ln] = '\0';
                    keep = in_list(low, ln, hyphen_keep);
                }
                if (keep && a == start && i - a >= 3) {  /* skip the whole digit-hyphen run */
                    while (i < cut && (is_digit((unsigned char)z[i]) || z[i] == '-')) i++;
                    continue;
                }
                split = !keep;
            }
        } else if (ch == 0xE2 && i + 2 < cut && (unsigned char)z[i + 1] == 0x80 &&
                   ((unsigned char)z[i + 2] == 0x93 || (unsigned char)z[i + 2] == 0x94)) {
            plen = 3;  /* en / em dash in unnormalized text */
            if (i > start) split = 1;
            else { add(sg, i, i + 3, F_DASH, *nl, *sp); *nl = *sp = 0; i += 3; start = i; continue; }
        } else if (is_digit(prev) && is_alpha(ch) && i > start && unit_at(z, i, cut)) {
            add(sg, start, i, 0, *nl, *sp);  /* 398,487MMBTU, 650k */
            *nl = *sp = 0;
            start = i;
            i = cut;
            continue;
        } else if (ch == '/' && i > start && next) {
            size_t left = i - start, right = 0;
            while (i + 1 + right < cut && is_alpha((unsigned char)z[i + 1 + right])) right++;
            int alpha_left = 1;
            for (uint32_t k = start; k < i; k++)
                if (!is_alpha((unsigned char)z[k])) { alpha_left = 0; break; }
            split = alpha_left && left >= 2 && right >= 2 &&
                    (i + 1 + right == cut || z[i + 1 + right] == '/' || z[i + 1 + right] == '-');
        } else if (ch == '.' && i > start && (is_lower(prev) || is_digit(prev)) && is_upper(next) &&
                   i + 2 < cut && is_lower((unsigned char)z[i + 2]) && i - start >= 2) {
            split = 1;  /* "wonders.Neither": a missing space after a period */
        } else if (ch == '.' && next == '.' && i > start && is_alpha(prev)) {  /* word...word */
            plen = 2;
            while (i + plen < cut && z[i + plen] == '.') plen++;
            split = i + plen < cut && is_alpha((unsigned char)z[i + plen]);
        } else if ((ch == '(' || ch == '[') && i == start && i > s && next) {
            add(sg, i, i + 1, F_OPEN, *nl, *sp);  /* ")(See": the second bracket too */
            *nl = *sp = 0;
            i++;
            start = i;
            continue;
        } else if ((ch == ',' || ch == ';' || ch == '"' || ch == '(' || ch == ')' || ch == '[' || ch == ']' ||
                    ch == '!' || ch == '?') && i > start && next) {
            split = !(ch == ',' && is_digit(prev) && is_digit(next));
        } else if (ch == ':' && i > start && next) {
            split = !(is_digit(prev) && is_digit(next));
        }
        if (split) {
            add(sg, start, i, 0, *nl, *sp);
            *nl = *sp = 0;
            add(sg, i, i + plen, ch == '-' ? F_DASH : ch == '.' ? F_TERM : 0, 0, 0);
            i += plen;
            start = i;
            continue;
        }
        i++;
    }
    add(sg, start, cut, flags, *nl, *sp);
    *nl = *sp = 0;
    if (cut < e) add(sg, cut, e, 0, 0, 0);
}

/* Classify a word that ends in '.' (z[s..e), period at e-1). Returns the
** flags to keep the period attached, or -1 to split it off. */
static int abbr_flags(const char *z, uint32_t s, uint32_t e) {
    uint32_t n = e - 1 - s;
    const char *p = z + s;
    if (n == 0) return -1;
    if (n == 1 && is_alpha((unsigned char)p[0])) return F_MAYEND;   /* initial: J. */
    if (in_list(p, n, abbr_month)) return F_MONTH;
    if (in_list(p, n, abbr_num)) return F_NUMABBR;
    if (in_list(p, n, abbr_noend)) return F_NOEND;
    if (in_list(p, n, abbr_mayend)) return F_MAYEND;
    /* letters with inner periods: U.S., e.g., a.m., Ph.D. */
    int dots = 0, ok = 1, seg = 0;
    for (uint32_t k = 0; k < n; k++) {
        if (p[k] == '.') { dots++; seg = 0; if (k == 0 || p[k - 1] == '.') ok = 0; }
        else if (!is_alpha((unsigned char)p[k]) || ++seg > 3) ok = 0;
    }
    if (ok && dots >= 1 && n <= 12) return F_MAYEND;
    return -1;
}

/* Smileys written as one chunk: :) :-) ;) :( :D :P :? =) */
static int emoticon(const char *z, uint32_t s, uint32_t e) {
    uint32_t n = e - s;
    if (n < 2 || n > 3) return 0;
    if (z[s] != ':' && z[s] != ';' && z[s] != '=') return 0;
    if (n == 3 && z[s + 1] != '-' && z[s + 1] != '\'') return 0;
    return strchr(")(DPp?/|*]", z[e - 1]) != NULL;
}

static void chunk_one(dyad_segmenter *sg, uint32_t s, uint32_t e, int nl, int sp);

/* Tokenize one white-space delimited chunk [s, e): "Name"<addr@host> is
** cut before each '<' first (a loop, not recursion: chunks can be long). */
static void chunk(dyad_segmenter *sg, uint32_t s, uint32_t e, int nl, int sp) {
    const char *z = sg->z;
    uint32_t piece = s;
    for (uint32_t k = s + 1; k < e; k++)
        if (z[k] == '<' && z[k - 1] != '<') {
            chunk_one(sg, piece, k, nl, sp);
            nl = sp = 0;
            piece = k;
        }
    chunk_one(sg, piece, e, nl, sp);
}

static void chunk_one(dyad_segmenter *sg, uint32_t s, uint32_t e, int nl, int sp) {
    const char *z = sg->z;
    tok tail[64];
    int ntail = 0;
    if (emoticon(z, s, e)) { add(sg, s, e, 0, nl, sp); return; }
    {   /* rules: ----, ****, ____, ==== */
        uint32_t k = s;
        while (k < e && z[k] == z[s]) k++;
        if (k == e && e - s >= 3 && strchr("-*_=~#+", z[s])) { add(sg, s, e, F_RULE, nl, sp); return; }
        if (k == e && e - s >= 2 && z[s] == '.') { add(sg, s, e, F_TERM, nl, sp); return; }  /* ... alone */
        if (k == e && z[s] == '-') { add(sg, s, e, F_DASH, nl, sp); return; }  /* - or -- alone */
    }
    /* leading punctuation */
    while (s < e) {
        unsigned char c = (unsigned char)z[s];
        if (c == '"' || c == '(' || c == '[' || c == '{' || c == '<' || c == '`') {
            uint32_t k = s + 1;
            if (c == '`' || c == '<') while (k < e && z[k] == (char)c) k++;
            add(sg, s, k, F_OPEN, nl, sp);
            nl = sp = 0;
            s = k;
        } else if (c == '\'' && s + 1 < e && !is_digit((unsigned char)z[s + 1]) && !bare_clitic(z, s, e)) {
            if (s + 1 < e && z[s + 1] == '\'') { add(sg, s, s + 2, F_OPEN, nl, sp); s += 2; }
            else { add(sg, s, s + 1, F_OPEN, nl, sp); s++; }
            nl = sp = 0;
        } else if ((c == 0xC2 && s + 1 < e && ((unsigned char)z[s + 1] == 0xA3 || (unsigned char)z[s + 1] == 0xA5)) ||
                   (c == 0xE2 && s + 2 < e && (unsigned char)z[s + 1] == 0x82 && (unsigned char)z[s + 2] == 0xAC)) {
            uint32_t k = s + (c == 0xC2 ? 2 : 3);   /* pound, yen, euro signs */
            add(sg, s, k, 0, nl, sp);
            nl = sp = 0;
            s = k;
        } else if (c == '$' || c == '#' || (c == '-' && s + 1 < e) ||
                   c == '*' || c == '~' || c == '=' || c == '+' || c == '&' || c == '|' || c == '%') {
            uint32_t k = s + 1;
            while (k < e && z[k] == (char)c) k++;
            if (c == '#' && k < e && is_alpha((unsigned char)z[k])) break;  /* hashtag */
            add(sg, s, k, c == '-' ? F_DASH : 0, nl, sp);
            nl = sp = 0;
            s = k;
        } else if ((c == ',' || c == ';' || c == '/' || c == ':') && s + 1 < e) {
            add(sg, s, s + 1, 0, nl, sp);
            nl = sp = 0;
            s++;
        } else if (c == '.' && s + 1 < e && z[s + 1] == '.') {
            uint32_t k = s;
            while (k < e && z[k] == '.') k++;
            add(sg, s, k, 0, nl, sp);
            nl = sp = 0;
            s = k;
        } else break;
    }
    if (s >= e) return;
    if (is_url(z, s, e)) {
        uint32_t ue = e;
        while (ue > s + 1 && strchr(".,;:!?)]\"'>", z[ue - 1])) ue--;
        add(sg, s, ue, F_URL, nl, sp);
        if (ue < e) chunk_one(sg, ue, e, 0, 0);  /* punctuation only: no URL, depth 1 */
        return;
    }
    /* trailing punctuation, collected right to left */
    while (e > s && ntail < 60) {
        unsigned char c = (unsigned char)z[e - 1];
        uint32_t k = e - 1;
        unsigned fl = 0;
        if (c == '.' || c == '!' || c == '?') {
            if (c == '.') while (k > s && z[k - 1] == '.') k--;
            else while (k > s && (z[k - 1] == '!' || z[k - 1] == '?')) k--;
            if (c == '.' && e - k == 1 && k > s) {  /* single period after a word */
                int af = abbr_flags(z, s, e);
                if (af >= 0) break;  /* abbreviation: the period stays attached */
            }
            fl = F_TERM;
        } else if (c == '"' || c == ')' || c == ']' || c == '}' || c == '>' || c == '\'') {
            if (c == '\'' && e - s >= 2 && !is_alpha((unsigned char)z[e - 2]) && z[e - 2] != '.' &&
                z[e - 2] != '!' && z[e - 2] != '?' && z[e - 2] != '\'' && z[e - 2] != ',') break;
            if (c == '\'' && k > s && z[k - 1] == '\'') k--;
            if (c == '>') while (k > s && z[k - 1] == '>') k--;
            fl = F_CLOSE;
        } else if (c == '=' && e - s >= 2) {  /* wiki headings: "news==" */
            while (k > s && z[k - 1] == '=') k--;
            fl = 0;
        } else if (c == ',' || c == ';' || c == ':' || c == '%' || c == '*' || c == '/') {
            if (c == ':' && e - s > 1 && z[e - 2] == ':') break;
            fl = 0;
        } else if (c == '-' && e - s >= 2) {
            while (k > s && z[k - 1] == '-') k--;
            fl = F_DASH;
        } else break;
        tail[ntail].s = k;
        tail[ntail].e = e;
        tail[ntail].flags = (uint16_t)fl;
        ntail++;
        e = k;
    }
    if (e > s) {
        unsigned fl = 0;
        if (z[e - 1] == '.' && e - s > 1) {
            int af = abbr_flags(z, s, e);
            if (af >= 0) fl = (unsigned)af;
        }
        if (fl) add(sg, s, e, fl, nl, sp);
        else emit_word(sg, s, e, 0, &nl, &sp);
        nl = sp = 0;
    }
    for (int i = ntail - 1; i >= 0; i--) {
        add(sg, tail[i].s, tail[i].e, tail[i].flags, nl, sp);
        nl = sp = 0;
    }
}

static void tokenize(dyad_segmenter *sg) {
    const char *z = sg->z;
    size_t n = sg->n, i = 0;
    while (i < n && !sg->oom) {
        int nl = 0, sp = 0;
        while (i < n && is_space((unsigned char)z[i])) {
            if (z[i] == '\n' || z[i] == '\f') nl++;
            sp = 1;
            i++;
        }
        if (i >= n) break;
        size_t j = i;
        while (j < n && !is_space((unsigned char)z[j])) j++;
        if (j - i > 0xFFFFu) {  /* absurd chunk: cut it in pieces, no rules */
            for (size_t k = i; k < j; k += 0xFFFF) add(sg, (uint32_t)k, (uint32_t)(k + 0xFFFF < j ? k + 0xFFFF : j), 0, nl, sp), nl = sp = 0;
        } else {
            chunk(sg, (uint32_t)i, (uint32_t)j, nl, sp);
        }
        i = j;
    }
}

static int starts_upper(const dyad_segmenter *sg, const tok *t) {
    unsigned char c = (unsigned char)sg->z[t->s];
    return is_upper(c) || is_digit(c) || c >= 0x80;
}

static int is_starter(const dyad_segmenter *sg, const tok *t) {
    return in_list(sg->z + t->s, t->e - t->s, starters);
}

/* Length in bytes of the line holding byte offset `at`, up to `at`. */
static size_t line_len_before(const dyad_segmenter *sg, uint32_t at) {
    uint32_t k = at;
    while (k > 0 && sg->z[k - 1] != '\n') k--;
    return at - k;
}

/* A dateline at the start: "BAKU, Dec 26 (Trend) -", "WASHINGTON (Reuters) --".
** Returns the number of tokens it spans (dash included), 0 if none. */
static size_t dateline(const dyad_segmenter *sg, size_t first, size_t end, int line_start) {
    const char *z = sg->z;
    size_t lim = first + 14 < end ? first + 14 : end;
    int caps_first = 0, paren = 0, depth = 0;
    const tok *t0 = &sg->t[first];
    size_t len0 = t0->e - t0->s, up = 0;
    for (size_t k = 0; k < len0; k++) up += is_upper((unsigned char)z[t0->s + k]);
    caps_first = len0 >= 2 && up == len0;
    for (size_t i = first + 1; i < lim; i++) {
        const tok *t = &sg->t[i];
        unsigned char c = (unsigned char)z[t->s];
        if (t->nl) return 0;
        if (c == '(') { depth++; paren = 1; continue; }
        if (c == ')') { depth--; continue; }
        if ((t->flags & F_DASH) || (t->e - t->s == 1 && c == ':' && caps_first && line_start)) {
            /* inside a paragraph only with an agency: "WASHINGTON (Reuters) -" */
            if (!((caps_first && line_start) || (paren && caps_first) || (paren && line_start)) || depth) return 0;
            if (i + 1 >= end || !sg->t[i + 1].sp || !t->sp) return 0;
            return i - first + 1;
        }
        if (depth) continue;
        if (c == ',' || c == '.' || is_upper(c) || is_digit(c)) continue;
        return 0;  /* a lower-case word outside parentheses: not a dateline */
    }
    return 0;
}

static void add_sent(dyad_segmenter *sg, size_t t0, size_t t1, unsigned flags) {
    if (t1 <= t0) return;
    if (grow((void **)&sg->sent, &sg->caps, sg->ns + 1, sizeof *sg->sent) < 0) { sg->oom = 1; return; }
    dyad_seg_sentence *s = &sg->sent[sg->ns++];
    s->tok = (uint32_t)t0;
    s->ntok = (uint32_t)(t1 - t0);
    s->start = sg->out[t0].start;
    s->end = sg->out[t1 - 1].end;
    s->flags = flags;
}

static void out_tok(dyad_segmenter *sg, uint32_t s, uint32_t e) {
    if (grow((void **)&sg->out, &sg->capout, sg->nout + 1, sizeof *sg->out) < 0) { sg->oom = 1; return; }
    sg->out[sg->nout].start = s;
    sg->out[sg->nout].end = e;
    sg->nout++;
}

/* Pass 2: sentence boundaries over the pass-1 tokens. */
static void sentences(dyad_segmenter *sg) {
    size_t i = 0, nt = sg->nt, sent0 = 0, sent0_tok = 0;
    size_t dl = nt ? dateline(sg, 0, nt, 1) : 0;  /* token index just past a dateline */
    for (; i < nt && !sg->oom; i++) {
        tok *t = &sg->t[i];
        int split_period = 0, end = 0;
        size_t j = i + 1;
        if (i > 0 && (i == sent0_tok || (sg->t[i - 1].e - sg->t[i - 1].s == 1 && sg->z[sg->t[i - 1].s] == ':')) &&
            i >= dl) {  /* datelines also open a sentence or follow a colon */
            size_t k = dateline(sg, i, nt, t->nl > 0);
            if (k) {
                dl = i + k;
                if (i != sent0_tok) {  /* after a colon: close the sentence before it */
                    add_sent(sg, sent0, sg->nout, 0);
                    sent0 = sg->nout;
                    sent0_tok = i;
                }
            }
        }
        if (dl && i + 1 == dl) end = 2;
        if (t->flags & F_TERM) {
            while (j < nt && (sg->t[j].flags & F_CLOSE) && !sg->t[j].sp) j++;
            if (j >= nt || sg->t[j].nl) end = 1;
            else {
                const tok *nx = &sg->t[j];
                if (nx->flags & F_OPEN) nx = j + 1 < nt ? &sg->t[j + 1] : nx;
                unsigned char c = (unsigned char)sg->z[t->s];
                int ellipsis = t->e - t->s > 1 && c == '.';
                char closer = j > i + 1 ? sg->z[sg->t[j - 1].s] : 0;
                /* "...?" he asked / (why?) and: a closed quote or bracket
                ** followed by a lower-case word continues the sentence */
                if (ellipsis || closer == ')' || closer == ']' || closer == '"' || closer == '\'')
                    end = starts_upper(sg, nx);
                else if (nx->sp || nx != &sg->t[j]) end = 1;  /* "one. they" ends too (web text) */
            }
        } else if (t->flags & F_NUMABBR) {
            if (j >= nt || !is_digit((unsigned char)sg->z[sg->t[j].s])) end = 1, split_period = 1;
        } else if (t->flags & (F_MAYEND | F_MONTH)) {
            if (j >= nt || sg->t[j].nl >= 2) end = 1, split_period = 1;
            else if (sg->t[j].nl) end = 1, split_period = 1;
            else if ((t->flags & F_MAYEND) && is_starter(sg, &sg->t[j])) end = 1, split_period = 1;
            else if ((t->flags & F_MONTH) && !is_digit((unsigned char)sg->z[sg->t[j].s]) &&
                     is_starter(sg, &sg->t[j])) end = 1, split_period = 1;
        }
        if (!end && j < nt) {
            const tok *nx = &sg->t[j];
            if ((t->flags & (F_URL | F_RULE)) && (starts_upper(sg, nx) || (nx->flags & (F_URL | F_RULE))))
                end = 1;  /* web text: an address or a rule line ends a line */
            else if ((nx->flags & F_RULE) && i >= sent0_tok) end = 1;
            else if (t->e - t->s == 1 && sg->z[t->s] == ',' && starts_upper(sg, nx) && i >= 1 &&
                     (in_list(sg->z + sg->t[i - 1].s, sg->t[i - 1].e - sg->t[i - 1].s, closings) ||
                      (i == sent0_tok + 1 && sg->t[sent0_tok].nl && is_starter(sg, nx))))
                end = 1;  /* "Thanks, Martin" / "Ed, Here is ..." (letters) */
            else if (t->e - t->s == 1 && (sg->z[t->s] == ',' || sg->z[t->s] == ':') && starts_upper(sg, nx) &&
                     i <= sent0_tok + 3 &&
                     in_list(sg->z + sg->t[sent0_tok].s, sg->t[sent0_tok].e - sg->t[sent0_tok].s, greetings))
                end = 1;  /* "Dear All, My name is ..." / "Hi David: Thought ..." */
            else if (t->e - t->s == 1 && sg->z[t->s] == ':' && i == sent0_tok + 1 && sg->t[sent0_tok].nl &&
                     is_upper((unsigned char)sg->z[sg->t[sent0_tok].s]) && is_starter(sg, nx))
                end = 1;  /* "Susan: While Tanya is ..." at the start of a paragraph */
            else if (i >= 2 && t->e - t->s == 2 && (sg->z[t->e - 1] == 'M') &&
                     (sg->z[t->s] == 'A' || sg->z[t->s] == 'P') && starts_upper(sg, nx) &&
                     memchr(sg->z + sg->t[i - 1].s, ':', sg->t[i - 1].e - sg->t[i - 1].s) &&
                     memchr(sg->z + sg->t[i - 2].s, '/', sg->t[i - 2].e - sg->t[i - 2].s))
                end = 1;  /* e-mail header: "03/27/2001 01:58 PM" then a new line */
            else if (j + 1 < nt && slash_date(sg, nx) &&
                     memchr(sg->z + sg->t[j + 1].s, ':', sg->t[j + 1].e - sg->t[j + 1].s) &&
                     is_digit((unsigned char)sg->z[sg->t[j + 1].s]))
                end = 1;  /* "Debra Perlingiere 03/27/2001 01:58 PM": the header starts a line */
        }
        /* line breaks: a paragraph break always ends; a single newline ends
        ** a short line (a headline, a list item) but not wrapped prose */
        if (!end && i + 1 < nt && sg->t[i + 1].nl) {
            if (sg->t[i + 1].nl >= 2 || line_len_before(sg, t->e) < 60) end = 1;
        }
        if (dl && i + 1 < dl && end != 2) end = 0, split_period = 0;  /* "ALMERIA, Spain. -" is one dateline */
        if (end && j > i + 1) {  /* closing quotes/brackets join the sentence */
            for (size_t k = i; k < j; k++) out_tok(sg, sg->t[k].s, sg->t[k].e);
            i = j - 1;
            t = &sg->t[i];
        } else if (split_period) {
            out_tok(sg, t->s, t->e - 1);
            out_tok(sg, t->e - 1, t->e);
        } else {
            out_tok(sg, t->s, t->e);
        }
        if (end || i + 1 == nt) {
            unsigned fl = 0;
            if (end == 2) fl = DYAD_SENT_DATELINE;
            else if (!(t->flags & (F_TERM | F_CLOSE)) && !split_period &&
                     (i + 1 == nt || sg->t[i + 1].nl) && sg->nout - sent0 <= 40)
                fl = DYAD_SENT_HEADLINE;
            add_sent(sg, sent0, sg->nout, fl);
            sent0 = sg->nout;
            sent0_tok = i + 1;
        }
    }
}

dyad_status dyad_segment(dyad_segmenter *sg, const char *z, size_t n) {
    if (!sg || (!z && n)) return DYAD_EINVAL;
    if (n > UINT32_MAX) return DYAD_ELIMIT;
    sg->z = z;
    sg->n = n;
    sg->nt = sg->nout = sg->ns = 0;
    sg->oom = 0;
    tokenize(sg);
    if (!sg->oom) sentences(sg);
    sg->z = NULL;
    if (sg->oom) { sg->nt = sg->nout = sg->ns = 0; return DYAD_NOMEM; }
    return DYAD_OK;
}

size_t dyad_segment_count(const dyad_segmenter *sg) { return sg->ns; }
const dyad_seg_sentence *dyad_segment_sentences(const dyad_segmenter *sg) { return sg->sent; }
size_t dyad_segment_ntokens(const dyad_segmenter *sg) { return sg->nout; }
const dyad_span *dyad_segment_tokens(const dyad_segmenter *sg) { return sg->out; }

dyad_status dyad_segment_fill(const dyad_segmenter *sg, const char *z, size_t i, dyad_sentence *out) {
    if (!sg || !out || i >= sg->ns) return DYAD_EINVAL;
    const dyad_seg_sentence *s = &sg->sent[i];
    dyad_sentence_clear(out);
    for (uint32_t k = 0; k < s->ntok; k++) {
        const dyad_span *sp = &sg->out[s->tok + k];
        dyad_token t;
        memset(&t, 0, sizeof t);
        t.form = dyad_sentence_strdup(out, z + sp->start, sp->end - sp->start);
        if (!t.form) return DYAD_NOMEM;
        t.head = -1;
        t.start = sp->start;
        t.end = sp->end;
        /* SpaceAfter=No where the next token touches this one */
        if (k + 1 < s->ntok && sg->out[s->tok + k + 1].start == sp->end) t.misc = "SpaceAfter=No";
        dyad_status st = dyad_sentence_add(out, &t);
        if (st != DYAD_OK) return st;
    }
    const char *txt = dyad_sentence_strdup(out, z + s->start, s->end - s->start);
    if (!txt) return DYAD_NOMEM;
    return dyad_sentence_set_text(out, txt);
}
