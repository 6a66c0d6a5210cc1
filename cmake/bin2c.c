/* bin2c IN OUT ID: writes the bytes of IN as `const unsigned char
 * rg_data_ID[]` (NUL-terminated, so text data can be used as a C string) and
 * `const size_t rg_data_ID_len` (without the NUL) into OUT. Build-time tool. */
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: bin2c IN OUT ID\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    if (!in) {
        perror(argv[1]);
        return 1;
    }
    FILE *out = fopen(argv[2], "w");
    if (!out) {
        perror(argv[2]);
        return 1;
    }
    fprintf(out, "/* generated from %s */\n#include <stddef.h>\n", argv[1]);
    fprintf(out, "const unsigned char rg_data_%s[] = {\n", argv[3]);
    size_t n = 0;
    int c;
    while ((c = fgetc(in)) != EOF) {
        fprintf(out, "%d,", c);
        if (++n % 24 == 0) fputc('\n', out);
    }
    fprintf(out, "0};\nconst size_t rg_data_%s_len = %zu;\n", argv[3], n);
    fclose(in);
    return fclose(out) == 0 ? 0 : 1;
}
