/* test_actorcode.c: splitting actor codes into entity / role / attributes,
** and the generated table checked against ../shared/data/cameo at test time. */
#include "dyad.h"
#include "harness.h"

static void split(const char *code, const char *ent, const char *role, const char *attr) {
    dyad_actor_parts p;
    dyad_status st = dyad_actor_split(code, &p);
    CHECKF(st == DYAD_OK && !strcmp(p.entity, ent) && !strcmp(p.role, role) && !strcmp(p.attributes, attr),
           "%s -> st=%d entity=%s role=%s attr=%s", code, st, p.entity, p.role, p.attributes);
}

int main(void) {
    split("AZEGOV", "AZE", "GOV", "");
    split("FRA", "FRA", "", "");
    split("USAMILREB", "USA", "MIL", "REB");
    split("GOV", "", "GOV", "");
    split("IGOUNO", "IGO", "", "UNO");
    split("RUSGOVMOD", "RUS", "GOV", "MOD");
    split("MUSGOV", "MUS", "GOV", "");         /* Mauritius as entity */
    split("USAMUS", "USA", "MUS", "");         /* Muslim as agent */
    dyad_actor_parts p;
    CHECK(dyad_actor_split("---", &p) == DYAD_EINVAL);
    CHECK(dyad_actor_split("\"INJURY TOLL\"", &p) == DYAD_EINVAL);
    CHECK(dyad_actor_split("", &p) == DYAD_EINVAL);
    CHECK(dyad_actor_split("AB", &p) == DYAD_EINVAL);
    CHECK(dyad_actor_split(NULL, &p) == DYAD_EINVAL);
    CHECK(dyad_actor_split("AZEGOV", &p) == DYAD_OK && p.entity_name && !strcmp(p.entity_name, "Azerbaijan"));
    CHECK(p.role_name && !strcmp(p.role_name, "Government"));
    CHECK(dyad_actor_trigram_name("FRA", 0) && !strcmp(dyad_actor_trigram_name("FRA", 0), "France"));
    CHECK(dyad_actor_trigram_name("XQZ", 0) == NULL);

    /* Independent check: every (code, kind, name) row of the shared table is
    ** found by the generated table's lookups (method: read the TSV here). */
    const char *path = shared_path("data/cameo/actor_codes.tsv");
    if (!path) { SKIP("../shared/data/cameo absent"); return TEST_END(); }
    FILE *f = fopen(path, "r");
    char line[2048];
    int rows = 0, found = 0;
    while (f && fgets(line, sizeof line, f)) {
        char *code = strtok(line, "\t"), *kind = strtok(NULL, "\t"), *name = strtok(NULL, "\t\n");
        if (!code || !kind || strlen(code) != 3 || !strcmp(code, "code")) continue;
        rows++;
        int role = !strncmp(kind, "role_", 5) || !strcmp(kind, "agent_phoenix");
        const char *got = dyad_actor_trigram_name(code, role);
        if (got && (!name || !strcmp(got, name) || role == 0)) found++;
        else fprintf(stderr, "not found: %s %s\n", code, kind);
    }
    if (f) fclose(f);
    CHECKF(rows > 400 && found == rows, "rows=%d found=%d", rows, found);
    return TEST_END();
}
