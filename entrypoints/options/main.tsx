import { render } from 'preact';
import { Sites } from './Sites';

render(<Sites />, document.getElementById('app')!);
