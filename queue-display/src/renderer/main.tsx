import { createRoot } from 'react-dom/client';
import '@yimen/shell/browser/theme.css';
import './display.css';
import { App } from './App';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
