/*
 * The EFI stub: the bzImage run by UEFI firmware as an EFI application
 * (efi_pe_entry, the PE/COFF entry point boot/header.S names), or entered
 * by an EFI loader through the EFI handover protocol (efi64_stub_entry,
 * boot.rst "EFI Handover Protocol"). Either way it does what a BIOS loader
 * and our real-mode setup would have done: a zero page with the command
 * line and the initrd, memory for the kernel, the memory map as e820
 * entries; then it leaves boot services and enters the ordinary 64-bit
 * path at startup_64 of a copy of the decompressor.
 *
 * It runs where the firmware or the loader put the image, with the
 * firmware's identity-mapped page tables, so it is position independent
 * like the rest of the decompressor. It keeps no state in .bss: a loader
 * using the handover entry may have loaded only the file, not our bss.
 */
#include <linux/efi.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/decompress_stats.h>
#include <asm/boot.h>
#include <asm/bootparam.h>
#include "misc.h"

/* What Linux's EFI stub puts in type_of_loader (boot.rst, 0x21: EFI). */
#define LOADER_TYPE_EFI		0x21
#define U32_LIMIT		0xffffffffULL

extern char startup_32[], _bss[];

/* ConOut speaks UTF-16; every message is ASCII. */
static void efi_puts(efi_system_table_t *st, const char *s)
{
	efi_char16_t buf[64];
	size_t n = 0;

	for (; *s; s++) {
		if (*s == '\n')
			buf[n++] = '\r';
		buf[n++] = *s;
		if (n >= ARRAY_SIZE(buf) - 2 || !s[1]) {
			buf[n] = 0;
			st->con_out->output_string(st->con_out, buf);
			n = 0;
		}
	}
}

static efi_status_t efi_fail(efi_system_table_t *st, efi_status_t status,
			     const char *what)
{
	efi_puts(st, "EFI stub: ");
	efi_puts(st, what);
	efi_puts(st, "\n");
	return status;
}

/* Zeroed pages ending at or below max (UEFI 7.2, AllocateMaxAddress). */
static efi_status_t alloc_below(efi_system_table_t *st, u64 size, u64 max,
				void **addr)
{
	u64 pages = (size + EFI_PAGE_SIZE - 1) >> EFI_PAGE_SHIFT;
	efi_physical_addr_t a = max;
	efi_status_t status;

	status = st->boottime->allocate_pages(EFI_ALLOCATE_MAX_ADDRESS,
					      EFI_LOADER_DATA, pages, &a);
	if (status != EFI_SUCCESS)
		return status;
	memset((void *)a, 0, pages << EFI_PAGE_SHIFT);
	*addr = (void *)a;
	return EFI_SUCCESS;
}

/*
 * The loaded image's LoadOptions (UTF-16, not necessarily terminated) as
 * the ASCII command line, cut at cmdline_size bytes, below 4 GiB.
 */
static efi_status_t setup_cmdline(efi_system_table_t *st,
				  const efi_loaded_image_t *image,
				  struct boot_params *bp)
{
	const efi_char16_t *opts = image->load_options;
	size_t n = image->load_options_size / sizeof(*opts), len = 0;
	u32 max = bp->hdr.cmdline_size;
	char *cmdline;

	if (alloc_below(st, max + 1, U32_LIMIT, (void **)&cmdline))
		return efi_fail(st, EFI_OUT_OF_RESOURCES, "no memory for the command line");
	for (; opts && len < n && len < max && opts[len]; len++)
		cmdline[len] = opts[len] < 0x80 ? opts[len] : '?';
	cmdline[len] = 0;
	bp->hdr.cmd_line_ptr = (u32)(u64)cmdline;
	return EFI_SUCCESS;
}

static void set_ramdisk(struct boot_params *bp, void *addr, u64 size)
{
	bp->hdr.ramdisk_image = (u32)(u64)addr;
	bp->hdr.ramdisk_size = (u32)size;
	bp->ext_ramdisk_image = (u64)addr >> 32;
	bp->ext_ramdisk_size = size >> 32;
}

/*
 * The initrd a loader offers through LoadFile2 on the vendor media device
 * path LINUX_EFI_INITRD_MEDIA_GUID (QEMU's -initrd under OVMF, systemd-boot,
 * GRUB 2.12). EFI_NOT_FOUND: nobody offers one.
 */
static efi_status_t load_initrd_lf2(efi_system_table_t *st, struct boot_params *bp)
{
	static const efi_guid_t lf2_guid = EFI_LOAD_FILE2_PROTOCOL_GUID;
	struct {
		efi_device_path_protocol_t vendor;
		efi_guid_t guid;
		efi_device_path_protocol_t end;
	} __attribute__((packed)) path = {
		{ EFI_DEV_MEDIA, EFI_DEV_MEDIA_VENDOR, sizeof(path.vendor) + sizeof(path.guid) },
		LINUX_EFI_INITRD_MEDIA_GUID,
		{ EFI_DEV_END_PATH, EFI_DEV_END_ENTIRE, sizeof(path.end) },
	};
	efi_load_file2_protocol_t *lf2;
	void *dp = &path, *buf;
	efi_handle_t handle;
	efi_status_t status;
	u64 size = 0;

	if (st->boottime->locate_device_path(&lf2_guid, &dp, &handle))
		return EFI_NOT_FOUND;
	if (st->boottime->handle_protocol(handle, &lf2_guid, (void **)&lf2))
		return EFI_NOT_FOUND;
	status = lf2->load_file(lf2, dp, false, &size, NULL);
	if (status != EFI_BUFFER_TOO_SMALL)
		return efi_fail(st, status, "LoadFile2 gave no initrd size");
	if (alloc_below(st, size, bp->hdr.initrd_addr_max, &buf))
		return efi_fail(st, EFI_OUT_OF_RESOURCES, "no memory for the initrd");
	status = lf2->load_file(lf2, dp, false, &size, buf);
	if (status != EFI_SUCCESS)
		return efi_fail(st, status, "LoadFile2 failed to load the initrd");
	set_ramdisk(bp, buf, size);
	return EFI_SUCCESS;
}

/*
 * The next "initrd=PATH" word of the command line after *pos, as a UTF-16
 * path with '\' separators (UEFI 2.10, 13.5.2: the File Protocol's names).
 */
static bool next_initrd_path(const char **pos, efi_char16_t *path, size_t max)
{
	const char *s = *pos, *word;
	size_t n = 0;

	for (;;) {
		while (*s == ' ')
			s++;
		if (!*s)
			return false;
		word = s;
		while (*s && *s != ' ')
			s++;
		if (!strncmp(word, "initrd=", 7))
			break;
	}
	for (word += 7; word < s && n < max - 1; word++)
		path[n++] = *word == '/' ? '\\' : *word;
	path[n] = 0;
	*pos = s;
	return true;
}

static efi_status_t file_size(efi_file_protocol_t *file, u64 *size)
{
	static const efi_guid_t info_guid = EFI_FILE_INFO_ID;
	u64 buf[(sizeof(efi_file_info_t) + 512) / sizeof(u64)];
	u64 len = sizeof(buf);
	efi_status_t status;

	status = file->get_info(file, &info_guid, &len, buf);
	if (status == EFI_SUCCESS)
		*size = ((efi_file_info_t *)buf)->file_size;
	return status;
}

/*
 * Each initrd= file, read from the volume the image was loaded from and
 * put one after the other (Linux concatenates them the same way): one pass
 * for the total size, one to read. dst NULL: only add up the sizes.
 */
static efi_status_t read_initrds(efi_system_table_t *st, efi_file_protocol_t *root,
				 const char *cmdline, u8 *dst, u64 *total)
{
	efi_char16_t path[256];
	efi_file_protocol_t *file;
	efi_status_t status;
	u64 size, len;

	*total = 0;
	while (next_initrd_path(&cmdline, path, ARRAY_SIZE(path))) {
		status = root->open(root, &file, path, EFI_FILE_MODE_READ, 0);
		if (status != EFI_SUCCESS)
			return efi_fail(st, status, "cannot open an initrd= file");
		status = file_size(file, &size);
		if (status == EFI_SUCCESS && dst) {
			len = size;
			status = file->read(file, &len, dst + *total);
			if (status == EFI_SUCCESS && len != size)
				status = EFI_LOAD_ERROR;
		}
		file->close(file);
		if (status != EFI_SUCCESS)
			return efi_fail(st, status, "cannot read an initrd= file");
		*total += size;
	}
	return EFI_SUCCESS;
}

static efi_status_t load_initrd_files(efi_system_table_t *st,
				      const efi_loaded_image_t *image,
				      struct boot_params *bp)
{
	static const efi_guid_t fs_guid = EFI_SIMPLE_FILE_SYSTEM_PROTOCOL_GUID;
	const char *cmdline = (const char *)(u64)bp->hdr.cmd_line_ptr;
	efi_simple_file_system_protocol_t *fs;
	efi_file_protocol_t *root;
	efi_status_t status;
	u64 total;
	void *buf;

	if (!strstr(cmdline, "initrd="))
		return EFI_SUCCESS;
	if (st->boottime->handle_protocol(image->device_handle, &fs_guid, (void **)&fs) ||
	    fs->open_volume(fs, &root))
		return efi_fail(st, EFI_UNSUPPORTED,
				"initrd= given, but the image's device has no file system");
	status = read_initrds(st, root, cmdline, NULL, &total);
	if (status == EFI_SUCCESS && total) {
		if (alloc_below(st, total, bp->hdr.initrd_addr_max, &buf))
			status = efi_fail(st, EFI_OUT_OF_RESOURCES, "no memory for the initrd");
		else
			status = read_initrds(st, root, cmdline, buf, &total);
		if (status == EFI_SUCCESS)
			set_ramdisk(bp, buf, total);
	}
	root->close(root);
	return status;
}

/*
 * init_size bytes for the decompressor and the kernel: at pref_address if
 * free, else (relocatable kernel) the lowest free kernel_alignment step
 * above it, as Linux's stub does, searched below 4 GiB; failing that,
 * wherever the firmware has room, above 4 GiB too (the header says
 * XLF_CAN_BE_LOADED_ABOVE_4G). Never below pref_address
 * (= LOAD_PHYSICAL_ADDR, where startup_64 would otherwise move up to).
 */
static efi_status_t alloc_kernel(efi_system_table_t *st, struct boot_params *bp,
				 u64 *addr)
{
	efi_boot_services_t *bs = st->boottime;
	u64 size = bp->hdr.init_size, align = bp->hdr.kernel_alignment;
	u64 pages = (size + EFI_PAGE_SIZE - 1) >> EFI_PAGE_SHIFT;
	u64 a;

	for (a = bp->hdr.pref_address; a + size <= U32_LIMIT + 1; a += align) {
		*addr = a;
		if (bs->allocate_pages(EFI_ALLOCATE_ADDRESS, EFI_LOADER_DATA,
				       pages, addr) == EFI_SUCCESS)
			return EFI_SUCCESS;
		if (!bp->hdr.relocatable_kernel)
			return efi_fail(st, EFI_OUT_OF_RESOURCES,
					"pref_address is taken and the kernel is not relocatable");
	}
	if (bs->allocate_pages(EFI_ALLOCATE_ANY_PAGES, EFI_LOADER_DATA,
			       pages + (align >> EFI_PAGE_SHIFT), addr) != EFI_SUCCESS)
		return efi_fail(st, EFI_OUT_OF_RESOURCES, "no memory for the kernel");
	*addr = ALIGN(*addr, align);
	if (*addr < bp->hdr.pref_address)
		return efi_fail(st, EFI_OUT_OF_RESOURCES,
				"no memory for the kernel above pref_address");
	return EFI_SUCCESS;
}

/* UEFI memory types as e820 types (ACPI 6.5, 15.4 "UEFI Assumptions"). */
static u32 e820_type(u32 efi_type)
{
	switch (efi_type) {
	case EFI_LOADER_CODE:
	case EFI_LOADER_DATA:
	case EFI_BOOT_SERVICES_CODE:
	case EFI_BOOT_SERVICES_DATA:
	case EFI_CONVENTIONAL_MEMORY:
		return E820_TYPE_RAM;	/* free once boot services are gone */
	case EFI_UNUSABLE_MEMORY:
		return E820_TYPE_UNUSABLE;
	case EFI_ACPI_RECLAIM_MEMORY:
		return E820_TYPE_ACPI;
	case EFI_ACPI_MEMORY_NVS:
		return E820_TYPE_NVS;
	case EFI_PERSISTENT_MEMORY:
		return E820_TYPE_PMEM;
	default:
		return E820_TYPE_RESERVED;
	}
}

/* The EFI memory map as e820 entries, neighbours of one type merged. */
static efi_status_t setup_e820(struct boot_params *bp, const u8 *map,
			       u64 map_size, u64 desc_size)
{
	struct boot_e820_entry *e = bp->e820_table, *last = NULL;
	const efi_memory_desc_t *d;
	unsigned int n = 0;
	u64 off, size;
	u32 type;

	for (off = 0; off + desc_size <= map_size; off += desc_size) {
		d = (const efi_memory_desc_t *)(map + off);
		type = e820_type(d->type);
		size = d->num_pages << EFI_PAGE_SHIFT;
		if (last && last->type == type && last->addr + last->size == d->phys_addr) {
			last->size += size;
			continue;
		}
		if (n == E820_MAX_ENTRIES_ZEROPAGE)
			return EFI_BUFFER_TOO_SMALL;
		last = &e[n++];
		last->addr = d->phys_addr;
		last->size = size;
		last->type = type;
	}
	bp->e820_entries = n;
	return EFI_SUCCESS;
}

static void setup_efi_info(efi_system_table_t *st, struct boot_params *bp,
			   void *map, u64 map_size, u64 desc_size, u32 desc_ver)
{
	struct efi_info *ei = &bp->efi_info;

	ei->efi_loader_signature = EFI64_LOADER_SIGNATURE;
	ei->efi_systab = (u32)(u64)st;
	ei->efi_systab_hi = (u64)st >> 32;
	ei->efi_memdesc_size = desc_size;
	ei->efi_memdesc_version = desc_ver;
	ei->efi_memmap = (u32)(u64)map;
	ei->efi_memmap_hi = (u64)map >> 32;
	ei->efi_memmap_size = map_size;
}

/*
 * Get the memory map, make the e820 table and efi_info from it, and leave
 * boot services with its key. A map that changed in between (an event
 * allocated memory) makes ExitBootServices fail with EFI_INVALID_PARAMETER:
 * get it again, into the same buffer, and retry once (UEFI 2.10, 7.4:
 * after that failure only memory services may be called).
 */
static efi_status_t exit_boot(efi_system_table_t *st, efi_handle_t handle,
			      struct boot_params *bp)
{
	u64 size = 0, buf_size, key, desc_size;
	efi_status_t status;
	u32 desc_ver;
	void *map;
	int try;

	st->boottime->get_memory_map(&size, NULL, &key, &desc_size, &desc_ver);
	/* Room for the descriptors our own allocation and others may add. */
	buf_size = size + 32 * desc_size;
	if (alloc_below(st, buf_size, U32_LIMIT, &map))
		return efi_fail(st, EFI_OUT_OF_RESOURCES, "no memory for the memory map");
	for (try = 0; try < 2; try++) {
		size = buf_size;
		status = st->boottime->get_memory_map(&size, map, &key, &desc_size, &desc_ver);
		if (status != EFI_SUCCESS)
			return efi_fail(st, status, "GetMemoryMap failed");
		if (setup_e820(bp, map, size, desc_size))
			return efi_fail(st, EFI_BUFFER_TOO_SMALL,
					"the memory map needs more than 128 e820 entries");
		setup_efi_info(st, bp, map, size, desc_size, desc_ver);
		status = st->boottime->exit_boot_services(handle, key);
		if (status != EFI_INVALID_PARAMETER)
			break;
	}
	if (status != EFI_SUCCESS)
		return efi_fail(st, status, "ExitBootServices failed");
	return EFI_SUCCESS;
}

/*
 * The 64-bit boot protocol from here (boot.rst, "64-bit Boot Protocol"):
 * interrupts off, %rsi = boot_params, at startup_64 of the copy; the
 * firmware's identity map covers all of it.
 */
static void __attribute__((noreturn)) enter_startup_64(u64 kernel,
						      struct boot_params *bp)
{
	asm volatile("cli\n\tjmp *%0"
		     : : "r"(kernel + SETUP_JUMP_OFFSET), "S"(bp) : "memory");
	__builtin_unreachable();
}

/*
 * What both entries share once boot_params has the command line and the
 * initrd: the kernel's memory, the copy of the decompressor there, the
 * memory map, the exit from boot services. Returns only on failure.
 */
static efi_status_t efi_stub_boot(efi_system_table_t *st, efi_handle_t handle,
				  struct boot_params *bp, u8 entry)
{
	efi_status_t status;
	u64 kernel;

	status = alloc_kernel(st, bp, &kernel);
	if (status != EFI_SUCCESS)
		return status;
	boot_entry = entry;
	memcpy((void *)kernel, startup_32, _bss - startup_32);
	bp->hdr.code32_start = kernel;

	status = exit_boot(st, handle, bp);
	if (status != EFI_SUCCESS)
		return status;
	enter_startup_64(kernel, bp);
}

/*
 * The PE/COFF entry point: the firmware calls it with the Microsoft x64
 * convention (image handle, system table). The setup header comes from
 * our own image, which the firmware loaded as a whole, the first sectors
 * included.
 */
efi_status_t __efiapi efi_pe_entry(efi_handle_t handle, efi_system_table_t *st)
{
	static const efi_guid_t image_guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
	const struct setup_header *hdr;
	efi_loaded_image_t *image;
	struct boot_params *bp;
	efi_status_t status;

	status = st->boottime->handle_protocol(handle, &image_guid, (void **)&image);
	if (status != EFI_SUCCESS)
		return efi_fail(st, status, "no loaded image protocol");
	hdr = (const void *)((u8 *)image->image_base + SETUP_HEADER_OFFSET);
	if (hdr->header != SETUP_HEADER_MAGIC)
		return efi_fail(st, EFI_LOAD_ERROR, "no setup header in the loaded image");

	if (alloc_below(st, sizeof(*bp), U32_LIMIT, (void **)&bp))
		return efi_fail(st, EFI_OUT_OF_RESOURCES, "no memory for boot_params");
	memcpy(&bp->hdr, hdr, sizeof(*hdr));
	bp->hdr.type_of_loader = LOADER_TYPE_EFI;

	status = setup_cmdline(st, image, bp);
	if (status != EFI_SUCCESS)
		return status;
	status = load_initrd_lf2(st, bp);
	if (status == EFI_NOT_FOUND)
		status = load_initrd_files(st, image, bp);
	if (status != EFI_SUCCESS)
		return status;
	return efi_stub_boot(st, handle, bp, BOOT_ENTRY_EFI_STUB);
}

/*
 * The EFI handover entry (boot.rst, "EFI Handover Protocol"), at
 * startup_64 + handover_offset: a loader that filled boot_params itself
 * (command line, initrd) calls it with the SysV convention while boot
 * services still run. On failure we leave through Exit(), as there is
 * nobody to return to.
 */
void __attribute__((force_align_arg_pointer))
efi64_stub_entry(efi_handle_t handle, efi_system_table_t *st, struct boot_params *bp)
{
	efi_status_t status = efi_stub_boot(st, handle, bp, BOOT_ENTRY_EFI_HANDOVER);

	st->boottime->exit(handle, status, 0, NULL);
}
