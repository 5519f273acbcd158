/*
 * The floor for any libyaml-based linter: pull every event from each file
 * and build nothing. scripts/bench reports taplint's time as a ratio to it.
 *
 *   cc -O2 -o floor bench/floor.c $(pkg-config --cflags --libs yaml-0.1)
 *   floor FILE|DIR ...      (directories are walked for .yaml/.yml/.json/.template)
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

static unsigned long events;

static void pull(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) return;
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, file);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) break;
        int done = event.type == YAML_STREAM_END_EVENT;
        events++;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    fclose(file);
}

static int is_template_name(const char *name) {
    const char *dot = strrchr(name, '.');
    return dot && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml") || !strcmp(dot, ".json") || !strcmp(dot, ".template"));
}

static void walk(const char *path) {
    struct stat info;
    if (stat(path, &info) != 0) return;
    if (!S_ISDIR(info.st_mode)) { pull(path); return; }
    DIR *dir = opendir(path);
    if (!dir) return;
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') continue;
        char child[4096];
        snprintf(child, sizeof child, "%s/%s", path, entry->d_name);
        if (stat(child, &info) != 0) continue;
        if (S_ISDIR(info.st_mode)) walk(child);
        else if (is_template_name(entry->d_name)) pull(child);
    }
    closedir(dir);
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) walk(argv[i]);
    printf("%lu events\n", events);
    return 0;
}
