import { defineDisplay } from '@mantle/extensions-sdk';

export default defineDisplay<unknown>({
	id: 'color',
	name: 'Color',
	icon: 'palette',
	types: ['string'],
	component: ({ value }) =>
		typeof value === 'string' && value ? (
			<span class="display-color">
				<span
					aria-hidden="true"
					style={{
						display: 'inline-block',
						width: '14px',
						height: '14px',
						borderRadius: '50%',
						background: value,
						border: '1px solid rgb(0 0 0 / 0.2)',
						verticalAlign: 'middle',
						marginRight: '6px',
					}}
				/>
				{value}
			</span>
		) : null,
	handler: (value) => (typeof value === 'string' ? value : ''),
});
