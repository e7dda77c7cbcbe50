import type { FieldType } from '../introspection/field-types.js';

/** The OpenGIS type names MySQL, MariaDB and SpatiaLite declare spatial columns with. */
export const geometryTypeNames: Record<string, FieldType> = {
	geometry: 'geometry',
	point: 'geometry',
	linestring: 'geometry',
	polygon: 'geometry',
	multipoint: 'geometry',
	multilinestring: 'geometry',
	multipolygon: 'geometry',
	geometrycollection: 'geometry',
};
