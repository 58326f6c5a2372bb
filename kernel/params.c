/*
 * Boot parameters. The command line is read word by word with the shared
 * tokenizer (lib/cmdline.c, so quoting works as in every boot stage); each
 * word goes to the handler registered for it with early_param() or
 * __setup() (include/linux/init.h). What no handler takes goes to init,
 * as Linux does it: every word after "--", and unknown bare words, become
 * init's arguments; unknown key=value words its environment.
 */
#include <linux/init.h>
#include <linux/cmdline.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <asm/setup.h>

const char *argv_init[MAX_INIT_ARGS + 2] = { "init", NULL };
const char *envp_init[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux", NULL };

/*
 * The words handed out live here, NUL-terminated, one after another; a
 * handler may keep its value. Each word is copied at most twice (early
 * and late pass), plus the NULs.
 */
static char param_buf[2 * COMMAND_LINE_SIZE + MAX_INIT_ARGS + MAX_INIT_ENVS];
static size_t param_used;

/* A NUL-terminated copy of len bytes of s in param_buf. */
static char *save(const char *s, size_t len)
{
	char *p = param_buf + param_used;

	if (param_used + len + 1 > sizeof(param_buf))
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	param_used += len + 1;
	return p;
}

static bool name_is(const struct cmdline_arg *arg, const char *name, size_t len)
{
	return arg->name_len == len && !memcmp(arg->name, name, len);
}

/*
 * Does p take this word? Early parameters match by name, with or without
 * a value (Linux's do_early_param). The others match "name=" with a value
 * or a bare "name" without one (Linux's obsolete_checksetup).
 */
static bool matches(const struct obs_kernel_param *p, const struct cmdline_arg *arg)
{
	size_t len = strlen(p->str);

	if (p->early)
		return name_is(arg, p->str, len - 1);	/* early_param() added '=' */
	if (len && p->str[len - 1] == '=')
		return arg->value && name_is(arg, p->str, len - 1);
	return !arg->value && name_is(arg, p->str, len);
}

/* Runs the handlers of one kind for this word; true if one took it. */
static bool do_param(const struct cmdline_arg *arg, bool early)
{
	const struct obs_kernel_param *p;
	bool taken = false;
	char *value;

	for (p = __setup_start; p < __setup_end; p++) {
		if (p->early != early || !matches(p, arg))
			continue;
		value = save(arg->value ? arg->value : "", arg->value_len);
		if (value && p->setup_func(value))
			taken = true;
	}
	return taken;
}

void parse_early_param(void)
{
	const char *p = boot_command_line;
	struct cmdline_arg arg;

	while ((p = cmdline_next_arg(p, &arg)) && !cmdline_arg_is_end(&arg))
		do_param(&arg, true);
}

static bool is_early(const struct cmdline_arg *arg)
{
	const struct obs_kernel_param *p;

	for (p = __setup_start; p < __setup_end; p++)
		if (p->early && matches(p, arg))
			return true;
	return false;
}

/*
 * The word as init sees it: "name" or "name=value", with the quotes gone
 * (Linux's next_arg() strips them the same way).
 */
static char *save_word(const struct cmdline_arg *arg)
{
	char *word = save(arg->name, arg->name_len);

	if (!word || !arg->value)
		return word;
	param_buf[param_used - 1] = '=';
	if (!save(arg->value, arg->value_len))
		return NULL;
	return word;
}

/* Append the word to list (argv_init or envp_init); false if it is full. */
static bool add_init_word(const char **list, int max, const struct cmdline_arg *arg)
{
	int i;

	for (i = 0; list[i]; i++)
		;
	if (i >= max)
		return false;
	list[i] = save_word(arg);
	return list[i] != NULL;
}

/*
 * Module parameters ("foo.bar=1") are not for init. Anything else unknown
 * is: key=value to the environment, a bare word to the arguments. The
 * words are also listed in unknown[], for one line about all of them.
 */
static void unknown_param(const struct cmdline_arg *arg, char *unknown, size_t size)
{
	const char **list = arg->value ? envp_init : argv_init;
	int max = arg->value ? MAX_INIT_ENVS : MAX_INIT_ARGS;
	const char *word;
	size_t used = strlen(unknown), len;

	if (memchr(arg->name, '.', arg->name_len))
		return;
	if (!add_init_word(list, max, arg)) {
		pr_warn("Too many boot %s vars at `%.*s', ignored\n",
			arg->value ? "env" : "init", (int)arg->name_len, arg->name);
		return;
	}
	for (word = list[0]; *list; list++)
		word = *list;
	len = strlen(word);
	if (used + len + 2 < size) {
		if (used)
			unknown[used++] = ' ';
		memcpy(unknown + used, word, len + 1);
	}
}

static void warn_malformed(void)
{
	const char *s;
	int quotes = 0;

	for (s = boot_command_line; *s; s++)
		quotes += *s == '"';
	if (quotes & 1)
		pr_warn("Kernel command line has an unterminated quote: it runs to the end\n");
}

void parse_boot_params(void)
{
	static char unknown[COMMAND_LINE_SIZE] __initdata;
	const char *p = boot_command_line;
	struct cmdline_arg arg;
	bool after_dashes = false;

	warn_malformed();
	while ((p = cmdline_next_arg(p, &arg))) {
		if (after_dashes) {
			if (!add_init_word(argv_init, MAX_INIT_ARGS, &arg))
				pr_warn("Too many boot init vars at `%.*s', ignored\n",
					(int)arg.name_len, arg.name);
			continue;
		}
		if (cmdline_arg_is_end(&arg)) {
			after_dashes = true;
			continue;
		}
		if (is_early(&arg) || do_param(&arg, false))
			continue;
		unknown_param(&arg, unknown, sizeof(unknown));
	}
	if (unknown[0])
		pr_notice("Unknown kernel command line parameters \"%s\", will be passed to user space.\n",
			  unknown);
}
