import { render } from 'preact';
import { App } from './app/App';
import { session } from './auth/session';
import './styles.css';

render(<App />, document.getElementById('app')!);
void session.restore();
