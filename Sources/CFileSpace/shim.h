#ifndef SAFETYGRAPH_CFILESPACE_SHIM_H
#define SAFETYGRAPH_CFILESPACE_SHIM_H
#include <sys/types.h>

/* Linux's fallocate(2), in glibc since 2.10 but declared by <fcntl.h> only under _GNU_SOURCE, which Swift's Glibc
 * module is not built with. ByteSink reserves the space of a large output file ahead of its writes with it (see
 * ByteSink+Space.swift). off_t is 64 bits on every platform this builds for (x86_64 and aarch64 Linux). */
extern int fallocate(int fd, int mode, off_t offset, off_t len);

/* From <linux/falloc.h>: allocate without changing the file's size. */
#define SAFETYGRAPH_FALLOC_FL_KEEP_SIZE 0x01
#endif
