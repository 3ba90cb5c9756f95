import { createRoot } from 'react-dom/client';
import '@yimen/shell/browser/theme.css';
import './console.css';
import { ConsoleApp } from './ConsoleApp';

const root = document.getElementById('root');
if (root) createRoot(root).render(<ConsoleApp />);
