import { render } from 'preact';
import { Panel } from './Panel';

render(<Panel />, document.getElementById('app')!);
