// Entry point: mounts the Svelte app. The app itself lives in src/app (see App.svelte).
import { mount } from 'svelte';
import App from './app/App.svelte';
import './app/styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
mount(App, { target });
