import type { Role } from './permission-model.js';

/** A choice of role by name, with `none` as the empty first choice (no role, no parent, not chosen yet). */
export function RoleSelect(props: { roles: Pick<Role, 'id' | 'name'>[]; value: string; none: string; required?: boolean; onChange: (role: string) => void }) {
	return (
		<select required={props.required} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
			<option value="">{props.none}</option>
			{props.roles.map((role) => (
				<option key={role.id} value={role.id}>
					{role.name}
				</option>
			))}
		</select>
	);
}
