// glibc's POWER9 string and memory routines (vector code) over many sizes and
// alignments: memcpy/memmove/memset/memcmp/memchr/strlen/strcmp/strncmp/strchr/
// strrchr/strstr/strcpy/stpcpy, plus a checksum of every result.
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned char buf[4096], buf2[4096];
static uint64_t h = 1469598103934665603ULL;
static void mix(uint64_t v) { h = (h ^ v) * 1099511628211ULL; }

int main(void) {
  uint32_t x = 1;
  for (int i = 0; i < 4096; i++) { x = x * 1103515245 + 12345; buf[i] = (unsigned char)((x >> 16) % 26 + 'a'); }
  for (int off = 0; off < 33; off++)
    for (int len = 0; len < 300; len += (len < 40 ? 1 : 13)) {
      memset(buf2, 0, sizeof buf2);
      memcpy(buf2 + (off * 7) % 32, buf + off, len);
      mix((uint64_t)memcmp(buf2 + (off * 7) % 32, buf + off, len) + 1);
      memmove(buf2 + off + 3, buf2 + off, len);
      memset(buf2 + 1000 + off, 'Q', len);
      buf2[1000 + off + len] = 0;
      mix(strlen((char *)buf2 + 1000 + off));
      unsigned char *c = memchr(buf + off, 'z', len);
      mix(c ? (uint64_t)(c - buf) : 9999);
      buf2[2000 + len] = 0;
      memcpy(buf2 + 2000, buf + off, len);
      char *s = (char *)buf2 + 2000;
      mix(strlen(s));
      char *r = strchr(s, 'q');
      mix(r ? (uint64_t)(r - s) : 7777);
      r = strrchr(s, 'e');
      mix(r ? (uint64_t)(r - s) : 6666);
      int cmp = strcmp(s, (char *)buf + off);
      mix(cmp < 0 ? 1 : cmp > 0 ? 2 : 3);
      mix((uint64_t)(strncmp(s, (char *)buf + off, len / 2) != 0));
      char tmp[400];
      char *e = stpcpy(tmp, s);
      mix((uint64_t)(e - tmp));
      strcpy(tmp + 1, s);
      mix((uint64_t)tmp[1 + len / 2]);
      r = strstr(s, "ab");
      mix(r ? (uint64_t)(r - s) : 5555);
    }
  for (int i = 0; i < 4096; i++) mix(buf2[i]);
  printf("string checksum %016llx\n", (unsigned long long)h);
  char str[100];
  strcpy(str, "The quick brown fox jumps over the lazy dog");
  printf("%zu %s | %s | %d %d\n", strlen(str), strstr(str, "fox"), strrchr(str, 'o'), strcasecmp("HeLLo", "hello"), strncmp("abcdef", "abcxyz", 3));
  printf("%zu %zu %s\n", strspn(str, "Teh "), strcspn(str, "xyz"), strpbrk(str, "jq"));
  return 0;
}
