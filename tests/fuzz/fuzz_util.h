/*
** fuzz_util.h: helpers shared by the fuzz targets. fuzz_memfile() puts the
** input in an anonymous in-memory file and returns a path to it
** ("/proc/self/fd/N"), for readers that take a path.
*/
#ifndef DYAD_FUZZ_UTIL_H
#define DYAD_FUZZ_UTIL_H
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

static inline int fuzz_memfile(const uint8_t *data, size_t size, char *path, size_t cap) {
    int fd = memfd_create("fuzz", 0);
    if (fd < 0) return -1;
    size_t off = 0;
    while (off < size) {
        ssize_t w = write(fd, data + off, size - off);
        if (w <= 0) { close(fd); return -1; }
        off += (size_t)w;
    }
    lseek(fd, 0, SEEK_SET);
    snprintf(path, cap, "/proc/self/fd/%d", fd);
    return fd;
}
#endif
