/*
** fuzz_dictcache.c: the compiled dictionary cache loader. A valid cache of a
** small set (verbs, actors, agents, discards, issues written to a temporary
** folder at start) is XOR-ed with the input from byte 0 on: zero bytes keep
** it valid, others corrupt the header (the body is checksummed) or the rest.
** A cache that loads must then answer lookups without fault.
*/
#include "fuzz_util.h"
#include "dyad.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];
static unsigned char *img;
static size_t nimg;

static void cleanup(void) {
    static const char *names[] = {"v.verbs.txt", "a.actors.txt", "g.agents.txt", "d.discards.txt",
                                  "i.issues.txt", "c.cache"};
    char p[128];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        unlink(p);
    }
    rmdir(dir);
}

static int put(const char *name, const char *text) {
    char p[128];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    if (!f) return 0;
    fputs(text, f);
    return fclose(f) == 0;
}

static int setup(void) {
    snprintf(dir, sizeof dir, "/tmp/dyad-fuzz-cache-%ld", (long)getpid());
    if (mkdir(dir, 0700) != 0) return 0;
    atexit(cleanup);
    int ok = put("v.verbs.txt", "--- ATTACK  [190] ---\nATTACK {ATTACKED ATTACKING}\n- * RAID + [191]\n"
                                "- &FORCE * + [195]\n&FORCE\n+POLICE\n+ARMY\n")
          && put("a.actors.txt", "GONDOR [GON]\n+MINAS_TIRITH\nARAGORN_ [GONGOV >20000101] [GONREB <20000101]\n")
          && put("g.agents.txt", "!minister! = MINISTER MINISTRY\nPOLICE {POLICEMEN} [~COP]\n!minister!_OF_WAR [~MIL]\n")
          && put("d.discards.txt", "FOOTBALL MATCH\nCONCERT [###]\n")
          && put("i.issues.txt", "NUCLEAR WEAPON [NUKE]\n~ NUCLEAR WEAPON TEST\n");
    if (!ok) return 0;
    static const char *files[] = {"v.verbs.txt", "a.actors.txt", "g.agents.txt", "d.discards.txt", "i.issues.txt"};
    dyad_dicts *d = dyad_dicts_new(DYAD_DICT_LINT);
    char p[128];
    for (size_t i = 0; d && i < 5; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        if (dyad_dicts_add_file(d, p, DYAD_DK_AUTO) != DYAD_OK) ok = 0;
    }
    snprintf(p, sizeof p, "%s/c.cache", dir);
    ok = ok && d && dyad_dicts_freeze(d) == DYAD_OK && dyad_dicts_compile(d, p) == DYAD_OK;
    dyad_dicts_free(d);
    FILE *f = ok ? fopen(p, "rb") : NULL;
    if (!f) return 0;
    fseek(f, 0, SEEK_END);
    nimg = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    img = malloc(nimg);
    ok = img && fread(img, 1, nimg, f) == nimg;
    fclose(f);
    return ok;
}

static void hit(void *ctx, const dyad_dict_hit *h) {
    if (!h->what || !h->phrase || !h->code || !h->file) abort();
    (void)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int ready = -1;
    if (ready < 0) ready = setup();
    if (!ready) return 0;
    unsigned char *b = malloc(nimg);
    if (!b) return 0;
    memcpy(b, img, nimg);
    for (size_t i = 0; i < size && i < nimg; i++) b[i] ^= data[i];
    size_t n = nimg;  /* an input longer than the image truncates it by the excess */
    if (size > nimg) n = size - nimg >= nimg ? 0 : nimg - (size - nimg);
    char path[64];
    int fd = fuzz_memfile(b, n, path, sizeof path);
    free(b);
    if (fd < 0) return 0;
    dyad_dicts *d = NULL;
    dyad_status st = dyad_dicts_open_compiled(path, &d);
    if (size == 0 && st != DYAD_OK) abort();  /* the untouched cache must load */
    if (st == DYAD_OK) {
        static const char *words[] = {"GONDOR", "MINAS TIRITH", "ARAGORN", "POLICEMEN", "MINISTRY OF WAR",
                                      "ATTACKED", "FOOTBALL MATCH", "NUCLEAR WEAPON", "&FORCE", "X"};
        for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
            (void)dyad_dicts_lookup(d, words[i], "2010-01-01", hit, NULL);
            (void)dyad_dicts_lookup(d, words[i], NULL, hit, NULL);
        }
        for (size_t i = 0; i < dyad_dicts_nfiles(d); i++) {
            const dyad_dict_stats *fs = dyad_dicts_file_stats(d, i);
            if (!fs || !fs->file || !fs->kind) abort();
        }
        for (size_t i = 0; i < dyad_dicts_ndiag(d); i++) if (!dyad_dicts_diag(d, i)) abort();
    }
    dyad_dicts_free(d);
    close(fd);
    return 0;
}
