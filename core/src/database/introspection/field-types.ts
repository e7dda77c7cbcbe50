// The list lives in the SDK so the Studio and the displays offer exactly the types the kernel speaks.
export { fieldTypes, type StoredFieldType as FieldType } from '@mantle/extensions-sdk';
