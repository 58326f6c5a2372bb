/*
 * The few UEFI types, GUIDs and tables the EFI stub (compressed/efi_stub.c)
 * calls, laid out as the UEFI specification 2.10 gives them. Firmware
 * functions use the Microsoft x64 calling convention (UEFI 2.10, 2.3.4.2
 * "Detailed Calling Conventions"), hence __efiapi on every pointer. Table
 * members we never call are kept as plain pointers so that the offsets of
 * the ones we call stay right.
 */
#ifndef _LINUX_EFI_H
#define _LINUX_EFI_H

#include <linux/types.h>

#define __efiapi	__attribute__((ms_abi))

typedef u64 efi_status_t;
typedef void *efi_handle_t;
typedef u16 efi_char16_t;
typedef u64 efi_physical_addr_t;

/* Status codes (UEFI 2.10, appendix D): errors have the top bit set. */
#define EFI_ERROR_BIT		(1ULL << 63)
#define EFI_SUCCESS		0
#define EFI_LOAD_ERROR		(EFI_ERROR_BIT | 1)
#define EFI_INVALID_PARAMETER	(EFI_ERROR_BIT | 2)
#define EFI_UNSUPPORTED		(EFI_ERROR_BIT | 3)
#define EFI_BUFFER_TOO_SMALL	(EFI_ERROR_BIT | 5)
#define EFI_OUT_OF_RESOURCES	(EFI_ERROR_BIT | 9)
#define EFI_NOT_FOUND		(EFI_ERROR_BIT | 14)

typedef struct {
	u32 data1;
	u16 data2;
	u16 data3;
	u8 data4[8];
} efi_guid_t;

#define EFI_GUID(a, b, c, d0, d1, d2, d3, d4, d5, d6, d7) \
	((efi_guid_t){ a, b, c, { d0, d1, d2, d3, d4, d5, d6, d7 } })

#define EFI_LOADED_IMAGE_PROTOCOL_GUID \
	EFI_GUID(0x5b1b31a1, 0x9562, 0x11d2, 0x8e, 0x3f, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b)
#define EFI_SIMPLE_FILE_SYSTEM_PROTOCOL_GUID \
	EFI_GUID(0x964e5b22, 0x6459, 0x11d2, 0x8e, 0x39, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b)
#define EFI_FILE_INFO_ID \
	EFI_GUID(0x09576e92, 0x6d3f, 0x11d2, 0x8e, 0x39, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b)
#define EFI_LOAD_FILE2_PROTOCOL_GUID \
	EFI_GUID(0x4006c0c1, 0xfcb3, 0x403e, 0x99, 0x6d, 0x4a, 0x6c, 0x87, 0x24, 0xe0, 0x6d)
/* The vendor media device path a loader puts the initrd's LoadFile2 on. */
#define LINUX_EFI_INITRD_MEDIA_GUID \
	EFI_GUID(0x5568e427, 0x68fc, 0x4f3d, 0xac, 0x74, 0xca, 0x55, 0x52, 0x31, 0xcc, 0x68)

/* "EL64" in efi_info.efi_loader_signature: a 64-bit EFI loader (zero-page.rst). */
#define EFI64_LOADER_SIGNATURE	0x34364c45

/* Memory types (UEFI 2.10, 7.2 "EFI_BOOT_SERVICES.AllocatePages()"). */
enum efi_memory_type {
	EFI_RESERVED_TYPE,
	EFI_LOADER_CODE,
	EFI_LOADER_DATA,
	EFI_BOOT_SERVICES_CODE,
	EFI_BOOT_SERVICES_DATA,
	EFI_RUNTIME_SERVICES_CODE,
	EFI_RUNTIME_SERVICES_DATA,
	EFI_CONVENTIONAL_MEMORY,
	EFI_UNUSABLE_MEMORY,
	EFI_ACPI_RECLAIM_MEMORY,
	EFI_ACPI_MEMORY_NVS,
	EFI_MEMORY_MAPPED_IO,
	EFI_MEMORY_MAPPED_IO_PORT_SPACE,
	EFI_PAL_CODE,
	EFI_PERSISTENT_MEMORY,
};

enum efi_allocate_type {
	EFI_ALLOCATE_ANY_PAGES,
	EFI_ALLOCATE_MAX_ADDRESS,
	EFI_ALLOCATE_ADDRESS,
};

#define EFI_PAGE_SHIFT	12
#define EFI_PAGE_SIZE	(1UL << EFI_PAGE_SHIFT)

/* GetMemoryMap() returns these, descriptor_size bytes apart (7.2). */
typedef struct {
	u32 type;
	u32 pad;
	efi_physical_addr_t phys_addr;
	u64 virt_addr;
	u64 num_pages;
	u64 attribute;
} efi_memory_desc_t;

typedef struct {
	u64 signature;
	u32 revision;
	u32 headersize;
	u32 crc32;
	u32 reserved;
} efi_table_hdr_t;

/* UEFI 2.10, 4.4 "EFI Boot Services Table", up to ExitBootServices. */
typedef struct {
	efi_table_hdr_t hdr;
	void *raise_tpl;
	void *restore_tpl;
	efi_status_t (__efiapi *allocate_pages)(int type, int mem_type,
						 u64 pages, efi_physical_addr_t *addr);
	efi_status_t (__efiapi *free_pages)(efi_physical_addr_t addr, u64 pages);
	efi_status_t (__efiapi *get_memory_map)(u64 *size, efi_memory_desc_t *map,
						 u64 *key, u64 *desc_size,
						 u32 *desc_version);
	efi_status_t (__efiapi *allocate_pool)(int mem_type, u64 size, void **buf);
	efi_status_t (__efiapi *free_pool)(void *buf);
	void *create_event;
	void *set_timer;
	void *wait_for_event;
	void *signal_event;
	void *close_event;
	void *check_event;
	void *install_protocol_interface;
	void *reinstall_protocol_interface;
	void *uninstall_protocol_interface;
	efi_status_t (__efiapi *handle_protocol)(efi_handle_t handle,
						  const efi_guid_t *protocol,
						  void **interface);
	void *reserved;
	void *register_protocol_notify;
	void *locate_handle;
	efi_status_t (__efiapi *locate_device_path)(const efi_guid_t *protocol,
						     void **device_path,
						     efi_handle_t *device);
	void *install_configuration_table;
	void *load_image;
	void *start_image;
	efi_status_t (__efiapi *exit)(efi_handle_t handle, efi_status_t status,
				       u64 data_size, efi_char16_t *data);
	void *unload_image;
	efi_status_t (__efiapi *exit_boot_services)(efi_handle_t handle, u64 key);
} efi_boot_services_t;

/* UEFI 2.10, 12.4 "Simple Text Output Protocol": the first two members. */
typedef struct efi_simple_text_output_protocol {
	void *reset;
	efi_status_t (__efiapi *output_string)(struct efi_simple_text_output_protocol *self,
						const efi_char16_t *str);
} efi_simple_text_output_protocol_t;

/* UEFI 2.10, 4.3 "EFI System Table". */
typedef struct {
	efi_table_hdr_t hdr;
	efi_char16_t *fw_vendor;
	u32 fw_revision;
	efi_handle_t con_in_handle;
	void *con_in;
	efi_handle_t con_out_handle;
	efi_simple_text_output_protocol_t *con_out;
	efi_handle_t stderr_handle;
	void *stderr;
	void *runtime;
	efi_boot_services_t *boottime;
	u64 nr_tables;
	void *tables;
} efi_system_table_t;

/* UEFI 2.10, 9.1 "EFI Loaded Image Protocol". */
typedef struct {
	u32 revision;
	efi_handle_t parent_handle;
	efi_system_table_t *system_table;
	efi_handle_t device_handle;
	void *file_path;
	void *reserved;
	u32 load_options_size;
	void *load_options;
	void *image_base;
	u64 image_size;
	u32 image_code_type;
	u32 image_data_type;
	void *unload;
} efi_loaded_image_t;

/* UEFI 2.10, 10.3 "Device Path Nodes": a generic node header. */
typedef struct {
	u8 type;
	u8 sub_type;
	u16 length;
} __attribute__((packed)) efi_device_path_protocol_t;

#define EFI_DEV_MEDIA			4
#define EFI_DEV_MEDIA_VENDOR		3
#define EFI_DEV_END_PATH		0x7f
#define EFI_DEV_END_ENTIRE		0xff

/* UEFI 2.10, 13.2 "Load File 2 Protocol". */
typedef struct efi_load_file2_protocol {
	efi_status_t (__efiapi *load_file)(struct efi_load_file2_protocol *self,
					    void *file_path, bool boot_policy,
					    u64 *buffer_size, void *buffer);
} efi_load_file2_protocol_t;

/* UEFI 2.10, 13.5 "File Protocol", up to GetInfo. */
typedef struct efi_file_protocol {
	u64 revision;
	efi_status_t (__efiapi *open)(struct efi_file_protocol *self,
				       struct efi_file_protocol **new_handle,
				       const efi_char16_t *file_name,
				       u64 open_mode, u64 attributes);
	efi_status_t (__efiapi *close)(struct efi_file_protocol *self);
	void *delete;
	efi_status_t (__efiapi *read)(struct efi_file_protocol *self,
				       u64 *buffer_size, void *buffer);
	void *write;
	void *get_position;
	void *set_position;
	efi_status_t (__efiapi *get_info)(struct efi_file_protocol *self,
					   const efi_guid_t *info_type,
					   u64 *buffer_size, void *buffer);
} efi_file_protocol_t;

#define EFI_FILE_MODE_READ	1

/* UEFI 2.10, 13.4 "Simple File System Protocol". */
typedef struct efi_simple_file_system_protocol {
	u64 revision;
	efi_status_t (__efiapi *open_volume)(struct efi_simple_file_system_protocol *self,
					      efi_file_protocol_t **root);
} efi_simple_file_system_protocol_t;

/* UEFI 2.10, 13.5.16 "EFI_FILE_INFO": the fixed part before the name. */
typedef struct {
	u64 size;
	u64 file_size;
	u64 physical_size;
	u8 create_time[16];
	u8 last_access_time[16];
	u8 modification_time[16];
	u64 attribute;
} efi_file_info_t;

#endif
