import { render } from 'preact';

render(<h1>Library survey</h1>, document.getElementById('app') as HTMLElement);
