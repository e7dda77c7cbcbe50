import { render } from 'preact';
import { App } from './shell/app.js';
import { onLinkClick } from './lib/router.js';
import { applyTheme } from './lib/session.js';
import './styles.css';

applyTheme();
document.addEventListener('click', onLinkClick);
render(<App />, document.getElementById('app')!);
